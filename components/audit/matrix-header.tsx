// The matrix's sticky header row: a corner cell, then one column header per project in view.
import { Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import classes from './audit-matrix.module.css';
import warnText from './warn-text.module.css';
import type { AuditProject } from './filter-report';
import { headerHeight, keyColumnWidth } from './matrix-geometry';

interface Props {
  projects: readonly AuditProject[];
  columns: readonly VirtualItem[];
  width: number;
  rowCount: number;
  ownerKeys: ReadonlyMap<string, number>;
  overOwned: ReadonlySet<string>;
}

export const MatrixHeader = memo(function MatrixHeader({ projects, columns, width, rowCount, ownerKeys, overOwned }: Props) {
  return (
    <div role="row" aria-rowindex={1} className={classes.header} style={{ width, height: headerHeight }}>
      <div role="columnheader" aria-colindex={1} tabIndex={-1} className={classes.corner} style={{ width: keyColumnWidth }}>
        <span className={classes.title}>Key</span>
        <span className={classes.meta}>
          {rowCount} {rowCount === 1 ? 'key' : 'keys'} × {projects.length} {projects.length === 1 ? 'project' : 'projects'}
        </span>
      </div>
      {columns.map((column) => {
        const project = projects[column.index];
        if (!project) return null;
        const owners = ownerKeys.get(project.id) ?? 0;
        const flagged = overOwned.has(project.id);
        return (
          <div
            key={project.id}
            role="columnheader"
            aria-colindex={column.index + 2}
            tabIndex={-1}
            className={classes.columnHeader}
            style={{ left: column.start, width: column.size }}
          >
            <Tooltip
              label={`${project.name} (${project.id}): ${owners} owner-level ${owners === 1 ? 'key' : 'keys'} (Project Owner or Organization Owner)${
                flagged ? ', more than the threshold' : ''
              }`}
              multiline
              maw={320}
              openDelay={300}
            >
              <span className={classes.title}>{project.name}</span>
            </Tooltip>
            <span className={`${classes.meta} ${flagged ? warnText.warn : ''}`}>
              {flagged && <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} />}
              {flagged ? `${owners} owners — too many` : `${owners} owner-level ${owners === 1 ? 'key' : 'keys'}`}
            </span>
          </div>
        );
      })}
    </div>
  );
});
