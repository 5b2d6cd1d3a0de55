'use client';
// The key (and service account) × project grid, virtualized in both directions so 500 keys × 200 projects stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { AuditRow, OrgOwnerCounts } from './analyze-report';
import classes from './audit-matrix.module.css';
import type { Density } from './audit-view-state';
import type { AuditProject } from './filter-report';
import { headerHeights, keyColumnWidth, projectColumnWidths, rowHeight } from './matrix-geometry';
import { MatrixHeader } from './matrix-header';
import { MatrixLegend } from './matrix-legend';
import { MatrixRow } from './matrix-row';
import { gridKeyHandler } from './grid-key-handler';

interface Props {
  rows: readonly AuditRow[];
  projects: readonly AuditProject[];
  ownerKeys: ReadonlyMap<string, number>;
  overOwned: ReadonlySet<string>;
  orgOwners: OrgOwnerCounts;
  /** Fixed for the matrix's life: the page mounts a new matrix when it changes, so the virtualizers start from the new sizes. */
  density: Density;
  /** key id or client id → projects where its roles changed since the review compared with. */
  changed?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The report's time, against which secrets expire. */
  now: number;
}

/** What the focused cell holds in words, shown under the grid: icon-only cells name their roles on focus too. */
function describeFocus(target: HTMLElement): string {
  const labelled = target.getAttribute('aria-label') ?? target.querySelector('a[aria-label]')?.getAttribute('aria-label');
  return (labelled ?? target.getAttribute('title') ?? '').replace(/ Open the (key|service account) in the project\.$/, '');
}

export function AuditMatrix({ rows, projects, ownerKeys, overOwned, orgOwners, density, changed, now }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [focused, setFocused] = useState('');
  const headerHeight = headerHeights[density];
  // The sticky header row and key column are the virtualizers' padding, so scrolling to a cell never hides it under them.
  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler is off; the rows and cells below are memoized by hand.
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan: 4,
    useFlushSync: false,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: projects.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => projectColumnWidths[density],
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
  const keyCount = useMemo(() => rows.filter((row) => row.kind === 'key').length, [rows]);
  const onFocus = (event: FocusEvent<HTMLDivElement>) => setFocused(event.target === event.currentTarget ? '' : describeFocus(event.target));

  return (
    <div>
      <div
        ref={scroller}
        className={classes.scroller}
        // Sized to its rows up to the window's height: a short matrix leaves no empty box, a long one scrolls once, inside.
        style={{ height: `min(${height + 2}px, calc(100dvh - 96px))` }}
        role="grid"
        aria-label="Roles of every key in every project"
        aria-describedby={hintId}
        aria-rowcount={rows.length + 1}
        aria-colcount={projects.length + 1}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-testid="audit-matrix"
      >
        <div className={classes.canvas} style={{ width, height }}>
          <MatrixHeader
            projects={projects}
            columns={columns}
            width={width}
            height={headerHeight}
            keyCount={keyCount}
            accountCount={rows.length - keyCount}
            ownerKeys={ownerKeys}
            overOwned={overOwned}
            orgOwners={orgOwners}
            density={density}
          />
          {rowVirtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return row ? (
              <MatrixRow
                key={row.id}
                row={row}
                rowIndex={item.index}
                top={item.start}
                width={width}
                projects={projects}
                columns={columns}
                density={density}
                changedIn={changed?.get(row.id)}
                now={now}
              />
            ) : null;
          })}
        </div>
      </div>
      <MatrixLegend id={hintId} focused={focused} />
    </div>
  );
}
