import { defineConfig } from 'vitest/config';

// Unit tests exercise src/lib and scripts as pure functions; Astro's virtual modules are
// not available here, by design (see README, "Where things live").
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 300_000,
    // Several test files run real Astro builds, and concurrent builds share the project's
    // .astro/ folder; running files one at a time keeps them from clobbering each other.
    fileParallelism: false,
  },
});
