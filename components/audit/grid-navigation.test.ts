// Arrow, page, Home and End keys in the matrix stay inside the grid.
import { describe, expect, it } from 'vitest';
import { nextPosition } from './grid-navigation';

describe('nextPosition', () => {
  const at = { row: 5, col: 3 };
  it('moves one cell with the arrows and clamps at the edges', () => {
    expect(nextPosition('ArrowDown', false, at, 10, 6)).toEqual({ row: 6, col: 3 });
    expect(nextPosition('ArrowRight', false, at, 10, 6)).toEqual({ row: 5, col: 4 });
    expect(nextPosition('ArrowUp', false, { row: 1, col: 1 }, 10, 6)).toEqual({ row: 1, col: 1 });
    expect(nextPosition('ArrowLeft', false, { row: 1, col: 1 }, 10, 6)).toEqual({ row: 1, col: 1 });
  });
  it('pages by eight rows and jumps with Home and End', () => {
    expect(nextPosition('PageDown', false, at, 10, 6)).toEqual({ row: 10, col: 3 });
    expect(nextPosition('PageUp', false, at, 10, 6)).toEqual({ row: 1, col: 3 });
    expect(nextPosition('Home', false, at, 10, 6)).toEqual({ row: 5, col: 1 });
    expect(nextPosition('End', false, at, 10, 6)).toEqual({ row: 5, col: 6 });
    expect(nextPosition('Home', true, at, 10, 6)).toEqual({ row: 1, col: 1 });
    expect(nextPosition('End', true, at, 10, 6)).toEqual({ row: 10, col: 6 });
  });
  it('ignores other keys', () => {
    expect(nextPosition('Enter', false, at, 10, 6)).toBeNull();
    expect(nextPosition('a', false, at, 10, 6)).toBeNull();
  });
});
