/**
 * Where the content lives. The benchmark and the failing-input tests point the build at a
 * generated or fixture folder through CHRONOLOGY_CONTENT; everyone else gets ./content.
 */
export const CONTENT_ROOT = process.env.CHRONOLOGY_CONTENT ?? './content';
