// The matrix's sticky header row: a corner cell, then one column header per project in view.
import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import classes from './audit-matrix.module.css';
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
        <Text size="sm" fw={700}>
          Key
        </Text>
        <Text size="xs" c="dimmed">
          {rowCount} {rowCount === 1 ? 'key' : 'keys'} × {projects.length} {projects.length === 1 ? 'project' : 'projects'}
        </Text>
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
            <Tooltip label={`${project.name} (${project.id})`} openDelay={300}>
              <Text size="sm" fw={700} truncate="end">
                {project.name}
              </Text>
            </Tooltip>
            <Group gap={4} wrap="nowrap">
              {flagged && <IconAlertTriangle size={13} color="var(--mantine-color-red-filled)" aria-hidden />}
              <Text size="xs" c={flagged ? 'red' : 'dimmed'} fw={flagged ? 700 : 400} truncate="end">
                {owners} owner-level {owners === 1 ? 'key' : 'keys'}
                {flagged ? ' — too many' : ''}
              </Text>
            </Group>
          </div>
        );
      })}
    </div>
  );
});
