// The matrix's sticky header row: a corner cell, then one column header per project in view.
import { IconAlertTriangle } from '@tabler/icons-react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo } from 'react';
import classes from './audit-matrix.module.css';
import warnText from './warn-text.module.css';
import type { Density } from './audit-view-state';
import type { OrgOwnerCounts } from './analyze-report';
import type { AuditProject } from './filter-report';
import { orgOwnersText } from './org-owner-words';
import { keyColumnWidth } from './matrix-geometry';

interface Props {
  projects: readonly AuditProject[];
  columns: readonly VirtualItem[];
  width: number;
  height: number;
  keyCount: number;
  accountCount: number;
  ownerKeys: ReadonlyMap<string, number>;
  overOwned: ReadonlySet<string>;
  /** Organization Owners, keys and service accounts: owners in every column, listed once above the matrix. */
  orgOwners: OrgOwnerCounts;
  density: Density;
}

const owners = (n: number) => `${n} Project ${n === 1 ? 'Owner' : 'Owners'}`;

export const MatrixHeader = memo(function MatrixHeader({ projects, columns, width, height, keyCount, accountCount, ownerKeys, overOwned, orgOwners, density }: Props) {
  const orgOwnerCount = orgOwners.keys + orgOwners.accounts;
  const orgNote = orgOwnerCount > 0 ? `; plus ${orgOwnersText(orgOwners)}, owner everywhere, listed above` : '';
  return (
    <div role="row" aria-rowindex={1} className={classes.header} style={{ width, height }}>
      <div role="columnheader" aria-colindex={1} tabIndex={-1} className={classes.corner} style={{ width: keyColumnWidth }}>
        <span className={classes.title}>{accountCount > 0 ? 'Key or service account' : 'Key'}</span>
        <span className={classes.meta}>
          {keyCount} {keyCount === 1 ? 'key' : 'keys'}
          {accountCount > 0 && `, ${accountCount} service ${accountCount === 1 ? 'account' : 'accounts'}`} × {projects.length}{' '}
          {projects.length === 1 ? 'project' : 'projects'}
        </span>
        {orgOwnerCount > 0 && <span className={classes.meta}>+ {orgOwnerCount} Organization Owners in every project</span>}
      </div>
      {columns.map((column) => {
        const project = projects[column.index];
        if (!project) return null;
        const count = ownerKeys.get(project.id) ?? 0;
        const flagged = overOwned.has(project.id);
        const description = `${project.name}: ${owners(count)}${flagged ? ', more than the threshold' : ''}${orgNote}`;
        return (
          <div
            key={project.id}
            role="columnheader"
            aria-colindex={column.index + 2}
            tabIndex={-1}
            className={classes.columnHeader}
            data-density={density}
            style={{ left: column.start, width: column.size }}
            title={`${description} (${project.id})`}
          >
            <span className={classes.projectName}>{project.name}</span>
            <span className={classes.srOnly}>{description}</span>
            <span className={`${classes.meta} ${flagged ? warnText.warn : ''}`} aria-hidden>
              {flagged && <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} />}
              {density === 'compact' ? count : owners(count)}
            </span>
          </div>
        );
      })}
    </div>
  );
});
