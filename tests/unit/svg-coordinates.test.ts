import { describe, expect, it } from 'vitest';
import { insetBox, lineAttributes, rectAttributes, roundCoordinate } from '../../src/lib/svg-coordinates.ts';

describe('svg coordinates', () => {
  it('rounds to a tenth of a unit', () => {
    expect(roundCoordinate(12.345)).toBe(12.3);
    expect(roundCoordinate(12.36)).toBe(12.4);
    expect(roundCoordinate(-0.04)).toBe(-0);
    expect(roundCoordinate(7)).toBe(7);
  });

  it('gives a rectangle its attributes in markup order, rounded', () => {
    const attributes = rectAttributes({ x: 1.26, y: 2.04, width: 30.56, height: 4.449 });
    expect(Object.entries(attributes)).toEqual([
      ['x', 1.3],
      ['y', 2],
      ['width', 30.6],
      ['height', 4.4],
    ]);
  });

  it('gives a line its attributes in markup order, rounded', () => {
    const attributes = lineAttributes({ x1: 0.123, y1: 9.99, x2: 100.06, y2: -3.21 });
    expect(Object.entries(attributes)).toEqual([
      ['x1', 0.1],
      ['y1', 10],
      ['x2', 100.1],
      ['y2', -3.2],
    ]);
  });

  it('shrinks a box by a margin on every side', () => {
    expect(insetBox({ x: 10, y: 20, width: 8, height: 6 }, 1)).toEqual({ x: 11, y: 21, width: 6, height: 4 });
  });
});
