// One key's row of the matrix: the sticky key cell, then its roles in the project columns currently in view.
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import type { AuditRow } from './analyze-report';
import classes from './audit-matrix.module.css';
import type { Density } from './audit-view-state';
import type { AuditProject } from './filter-report';
import { KeyCell } from './key-cell';
import { keyColumnWidth, rowHeight } from './matrix-geometry';
import { RoleCell } from './role-cell';

interface Props {
  row: AuditRow;
  rowIndex: number;
  top: number;
  width: number;
  projects: readonly AuditProject[];
  columns: readonly VirtualItem[];
  density: Density;
  /** Projects where this key's roles changed since the review compared with. */
  changedIn: ReadonlySet<string> | undefined;
}

export const MatrixRow = memo(function MatrixRow({ row, rowIndex, top, width, projects, columns, density, changedIn }: Props) {
  const keyName = row.key.desc || row.key.publicKey;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      className={classes.row}
      style={{ width, height: rowHeight, transform: `translateY(${top}px)` }}
      data-key-id={row.key.id}
    >
      <div role="rowheader" aria-colindex={1} tabIndex={-1} className={classes.keyCell} style={{ width: keyColumnWidth }}>
        <KeyCell row={row} />
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
              roles={row.key.projects[project.id]}
              groupId={project.id}
              projectName={project.name}
              publicKey={row.key.publicKey}
              keyName={keyName}
              density={density}
            />
          </div>
        );
      })}
    </div>
  );
});
