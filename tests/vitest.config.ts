import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure tests of src/lib, scripts and the test helpers, in parallel.
 * `build`: tests that run real Astro builds or the export against dist/; concurrent builds
 * share the project's .astro/ folder, so these files run one at a time, in their own project.
 * Astro's virtual modules are not available in either, by design (README, "Where things live").
 */
const BUILD_TESTS = [
  'tests/unit/build-rejects.test.ts',
  'tests/unit/build-refuses-scripts.test.ts',
  'tests/unit/atomic-build.test.ts',
  'tests/unit/reproducible-build.test.ts',
  'tests/unit/export.test.ts',
  'tests/unit/export-wacz.test.ts',
  'tests/unit/editorial-pages.test.ts',
];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // Generous: a timeout here only catches a hang; the machine may be shared and slow.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: BUILD_TESTS,
          pool: 'threads',
          // Vitest leaves one core to the main process by default; it idles while the workers run.
          maxWorkers: '100%',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: BUILD_TESTS,
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
