// Keyboard movement through the virtualized matrix: scrolls the target cell into the rendered window, then focuses it.
import type { Virtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { nextPosition, type GridPosition } from './grid-navigation';

interface Options {
  rows: Virtualizer<HTMLDivElement, Element>;
  columns: Virtualizer<HTMLDivElement, Element>;
  rowCount: number;
  colCount: number;
}

function positionOf(target: HTMLElement): GridPosition | null {
  const row = target.closest('[aria-rowindex]')?.getAttribute('aria-rowindex');
  const col = target.closest('[aria-colindex]')?.getAttribute('aria-colindex');
  return row && col ? { row: Number(row), col: Number(col) } : null;
}

/** Focuses the cell's link when it has one, the cell itself otherwise; retries while the virtualizer renders it. */
function focusCell(scroller: HTMLElement, at: GridPosition, framesLeft = 10): void {
  const cell = scroller.querySelector<HTMLElement>(`[aria-rowindex="${at.row}"] [aria-colindex="${at.col}"]`);
  if (cell) {
    (cell.querySelector<HTMLElement>('a[href]') ?? cell).focus({ preventScroll: false });
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusCell(scroller, at, framesLeft - 1));
}

/** The grid's keydown handler; the grid element is the event's current target. */
export function gridKeyHandler({ rows, columns, rowCount, colCount }: Options) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    const at = positionOf(event.target as HTMLElement) ?? { row: 1, col: 1 };
    const next = nextPosition(event.key, event.ctrlKey || event.metaKey, at, rowCount + 1, colCount + 1);
    if (!next) return;
    event.preventDefault();
    if (next.row > 1) rows.scrollToIndex(next.row - 2, { align: 'auto' });
    if (next.col > 1) columns.scrollToIndex(next.col - 2, { align: 'auto' });
    requestAnimationFrame(() => focusCell(element, next));
  };
}
