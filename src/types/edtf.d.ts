// The `edtf` package ships no type declarations; this covers the part of its API we use.
declare module 'edtf' {
  interface EdtfValue {
    type: string;
    /** Earliest instant covered, in ms since the epoch. */
    min: number;
    /** Latest instant covered, in ms since the epoch (Infinity for an open end). */
    max: number;
    precision?: number;
    approximate?: { value: number };
    uncertain?: { value: number };
    lower?: EdtfValue | null;
    upper?: EdtfValue | null;
    values?: number[];
  }
  export default function edtf(input: string, options?: Record<string, unknown>): EdtfValue;
}
