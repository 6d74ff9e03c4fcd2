/**
 * Timeline geometry, computed once at build time and returned as plain data, so the .astro
 * components only draw it and the unit tests can check every promise the drawing makes (no
 * overlapping marks or titles, marks inside their era, an honest scale).
 *
 * - text-measure.ts: text widths and wrapping without a browser;
 * - scale.ts: the piecewise, era-weighted time scale;
 * - ticks.ts: per-era ticks and their labels;
 * - packing.ts: lanes, dodging and rows of labels;
 * - overview-layout.ts: the whole span in one short drawing;
 * - reading-layout.ts: the events as text down a vertical time axis;
 * - types.ts: what the layouts return.
 */
export * from './types.ts';
export * from './text-measure.ts';
export * from './scale.ts';
export * from './ticks.ts';
export * from './packing.ts';
export * from './overview-options.ts';
export * from './overview-layout.ts';
export * from './reading-layout.ts';
