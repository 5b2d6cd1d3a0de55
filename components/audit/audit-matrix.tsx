'use client';
// The key × project grid, virtualized in both directions so 500 keys × 200 projects stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef } from 'react';
import type { AuditRow } from './analyze-report';
import classes from './audit-matrix.module.css';
import type { AuditProject } from './filter-report';
import { headerHeight, keyColumnWidth, projectColumnWidth, rowHeight } from './matrix-geometry';
import { MatrixHeader } from './matrix-header';
import { MatrixLegend } from './matrix-legend';
import { MatrixRow } from './matrix-row';
import { gridKeyHandler } from './grid-key-handler';

interface Props {
  rows: readonly AuditRow[];
  projects: readonly AuditProject[];
  ownerKeys: ReadonlyMap<string, number>;
  overOwned: ReadonlySet<string>;
}

export function AuditMatrix({ rows, projects, ownerKeys, overOwned }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const hintId = useId();
  // The sticky header row and key column are the virtualizers' padding, so scrolling to a cell never hides it under them.
  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler is off; the rows and cells below are memoized by hand.
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.key.id ?? index,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan: 4,
    useFlushSync: false,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: projects.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => projectColumnWidth,
    getItemKey: (index) => projects[index]?.id ?? index,
    paddingStart: keyColumnWidth,
    scrollPaddingStart: keyColumnWidth,
    overscan: 2,
    useFlushSync: false,
  });
  const onKeyDown = gridKeyHandler({ rows: rowVirtualizer, columns: columnVirtualizer, rowCount: rows.length, colCount: projects.length });
  const columns = columnVirtualizer.getVirtualItems();
  const width = columnVirtualizer.getTotalSize();
  const height = rowVirtualizer.getTotalSize();

  return (
    <div>
      <div
        ref={scroller}
        className={classes.scroller}
        role="grid"
        aria-label="Roles of every key in every project"
        aria-describedby={hintId}
        aria-rowcount={rows.length + 1}
        aria-colcount={projects.length + 1}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="audit-matrix"
      >
        <div className={classes.canvas} style={{ width, height }}>
          <MatrixHeader projects={projects} columns={columns} width={width} rowCount={rows.length} ownerKeys={ownerKeys} overOwned={overOwned} />
          {rowVirtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return row ? (
              <MatrixRow key={row.key.id} row={row} rowIndex={item.index} top={item.start} width={width} projects={projects} columns={columns} />
            ) : null;
          })}
        </div>
      </div>
      <MatrixLegend id={hintId} />
    </div>
  );
}
