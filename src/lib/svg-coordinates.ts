/**
 * Coordinates as the SVG drawings (the overview, the coverage matrix) write them: rounded to a
 * tenth of a unit, since finer adds bytes, not precision; rectangles and lines as attribute
 * objects to spread on <rect> and <line>, in the order the markup lists them.
 */
import type { Box, Segment } from './timeline/types.ts';

/** A coordinate rounded to a tenth of a unit. */
export const roundCoordinate = (value: number): number => Math.round(value * 10) / 10;

/** The attributes x, y, width and height of a <rect> drawing `box`. */
export const rectAttributes = (box: Box): Box => ({
  x: roundCoordinate(box.x),
  y: roundCoordinate(box.y),
  width: roundCoordinate(box.width),
  height: roundCoordinate(box.height),
});

/** The attributes x1, y1, x2 and y2 of a <line> drawing `segment`. */
export const lineAttributes = (segment: Segment): Segment => ({
  x1: roundCoordinate(segment.x1),
  y1: roundCoordinate(segment.y1),
  x2: roundCoordinate(segment.x2),
  y2: roundCoordinate(segment.y2),
});

/** `box` shrunk by `margin` on every side (a glyph drawn inside its mark's box). */
export const insetBox = (box: Box, margin: number): Box => ({
  x: box.x + margin,
  y: box.y + margin,
  width: box.width - 2 * margin,
  height: box.height - 2 * margin,
});
