// Arrow-key movement in the matrix (the ARIA grid pattern), as pure arithmetic on 1-based row and column indexes.
export interface GridPosition {
  row: number;
  col: number;
}

const pageRows = 8;

/** Where a key press moves focus from `at` in a grid of `rows` × `cols` (header row and key column included), or null. */
export function nextPosition(key: string, ctrl: boolean, at: GridPosition, rows: number, cols: number): GridPosition | null {
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 1), max);
  const move = (row: number, col: number) => ({ row: clamp(row, rows), col: clamp(col, cols) });
  switch (key) {
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'ArrowRight':
      return move(at.row, at.col + 1);
    case 'ArrowLeft':
      return move(at.row, at.col - 1);
    case 'PageDown':
      return move(at.row + pageRows, at.col);
    case 'PageUp':
      return move(at.row - pageRows, at.col);
    case 'Home':
      return ctrl ? move(1, 1) : move(at.row, 1);
    case 'End':
      return ctrl ? move(rows, cols) : move(at.row, cols);
    default:
      return null;
  }
}
