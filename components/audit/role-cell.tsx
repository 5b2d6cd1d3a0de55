// One matrix cell: the key's roles in one project as tier chips, the whole cell a link to that key in that project.
import { Tooltip } from '@mantine/core';
import Link from 'next/link';
import { memo } from 'react';
import { describeRole } from '@/lib/roles';
import { RoleChips } from '@/components/roles/role-chips';
import { sortRoles } from '@/components/roles/sort-roles';
import classes from './audit-matrix.module.css';
import { chipsPerCell } from './matrix-geometry';
import { keyPageHref } from './key-page-href';

interface Props {
  roles: readonly string[] | undefined;
  groupId: string;
  projectName: string;
  publicKey: string;
  keyName: string;
}

export const RoleCell = memo(function RoleCell({ roles, groupId, projectName, publicKey, keyName }: Props) {
  if (!roles || roles.length === 0) {
    return (
      <span className={classes.empty}>
        <span aria-hidden>·</span>
        <span className={classes.srOnly}>No role</span>
      </span>
    );
  }
  const sorted = sortRoles(roles);
  const shown = sorted.length > chipsPerCell ? sorted.slice(0, chipsPerCell - 1) : sorted;
  const hidden = sorted.slice(shown.length);
  const spoken = sorted.map((name) => describeRole(name).label).join(', ');
  return (
    <Link
      href={keyPageHref(groupId, publicKey)}
      className={classes.cellLink}
      tabIndex={-1}
      aria-label={`${keyName} in ${projectName}: ${spoken}. Open the key in the project.`}
      data-testid="audit-cell"
    >
      <RoleChips roles={shown} label={`Roles in ${projectName}`} />
      {hidden.length > 0 && (
        <Tooltip label={hidden.map((name) => `${describeRole(name).label} (${name})`).join(' · ')} multiline maw={320} openDelay={250}>
          <span className={classes.more}>+{hidden.length} more</span>
        </Tooltip>
      )}
    </Link>
  );
});
