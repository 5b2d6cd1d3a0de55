// One row of the matrix, a key's or a service account's: the sticky row header, then its roles in the project columns in view.
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import type { AuditRow } from './analyze-report';
import classes from './audit-matrix.module.css';
import type { Density } from './audit-view-state';
import type { AuditProject } from './filter-report';
import { rowPageHref } from './key-page-href';
import { keyColumnWidth, rowHeight } from './matrix-geometry';
import { RoleCell } from './role-cell';
import { RowHeader } from './row-header';
import { rowMarks } from './row-marks';

interface Props {
  row: AuditRow;
  rowIndex: number;
  top: number;
  width: number;
  projects: readonly AuditProject[];
  columns: readonly VirtualItem[];
  density: Density;
  /** Projects where its roles changed since the review compared with. */
  changedIn: ReadonlySet<string> | undefined;
  /** The report's time, against which secrets expire. */
  now: number;
}

export const MatrixRow = memo(function MatrixRow({ row, rowIndex, top, width, projects, columns, density, changedIn, now }: Props) {
  const account = row.kind === 'serviceAccount';
  const holder = account ? `Service account ${row.name}` : row.name;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      className={classes.row}
      style={{ width, height: rowHeight, transform: `translateY(${top}px)` }}
      {...rowMarks(row)}
    >
      <div role="rowheader" aria-colindex={1} tabIndex={-1} className={classes.keyCell} style={{ width: keyColumnWidth }}>
        <RowHeader row={row} now={now} />
      </div>
      {columns.map((column) => {
        const project = projects[column.index];
        if (!project) return null;
        const changed = changedIn?.has(project.id) ?? false;
        return (
          <div
            key={project.id}
            role="gridcell"
            aria-colindex={column.index + 2}
            tabIndex={-1}
            className={changed ? `${classes.cell} ${classes.changed}` : classes.cell}
            style={{ left: column.start, width: column.size }}
            data-changed={changed || undefined}
          >
            {changed && <span className={classes.srOnly}>Changed since the review.</span>}
            <RoleCell
              roles={row.projects[project.id]}
              projectName={project.name}
              href={rowPageHref(row, project.id)}
              holder={holder}
              kindName={account ? 'service account' : 'key'}
              density={density}
            />
          </div>
        );
      })}
    </div>
  );
});
