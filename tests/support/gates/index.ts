/**
 * The quality gates as plain functions. Each returns the problems it finds (an empty list
 * means the gate passes), so the same function runs over the real build in gates.spec.ts and
 * over the deliberately broken pages in tests/fixtures/broken-pages/ in the self-tests
 * (tests/unit/gates.test.ts for the static gates, gates.spec.ts for the browser ones).
 * One gate per file; this index gathers them for the two test files.
 *
 * Static gates (no browser): validateHtml, checkLinks, checkCsp, checkStaticPrivacy.
 * Browser gates (take a Playwright Page): runAxe (+ preloadAxe), watchRequests,
 * collectResources + measureWeight + checkWeight, checkReadableWithoutJs + compareJsText.
 */
export * from './problems.ts';
export * from './html-validity.ts';
export * from './parse-html.ts';
export * from './links.ts';
export * from './csp.ts';
export * from './privacy.ts';
export * from './accessibility.ts';
export * from './page-weight.ts';
export * from './no-js.ts';
