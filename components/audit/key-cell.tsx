// The matrix's first column: a key's description, public key, reach, organization roles and why it is risky.
import { Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { sortRoles } from '@/components/roles/sort-roles';
import { riskLabels, type AuditRow } from './analyze-report';
import classes from './audit-matrix.module.css';

export const KeyCell = memo(function KeyCell({ row }: { row: AuditRow }) {
  const { key, reach, risks } = row;
  const orgRoles = sortRoles(key.orgRoles);
  const riskText = risks.map((r) => riskLabels[r]).join('; ');
  return (
    <>
      <div className={classes.line}>
        {risks.length > 0 && (
          <Tooltip label={riskText} multiline maw={320}>
            <span className={classes.riskMark} data-testid="risk-mark">
              <IconAlertTriangle size={13} aria-hidden />
            </span>
          </Tooltip>
        )}
        <span className={classes.title} title={key.desc}>
          {key.desc || '(no description)'}
        </span>
      </div>
      {risks.length > 0 && <span className={classes.srOnly}>Risky: {riskText}.</span>}
      <div className={classes.meta}>
        <span className={classes.mono}>{key.publicKey}</span> · {reach === 1 ? '1 project' : `${reach} projects`}
      </div>
      <div className={classes.chips}>
        <RoleChips roles={orgRoles.slice(0, 1)} label={`Organization roles of ${key.desc}`} empty="No organization role" />
        {orgRoles.length > 1 && (
          <Tooltip label={orgRoles.slice(1).join(', ')}>
            <span className={classes.more}>+{orgRoles.length - 1}</span>
          </Tooltip>
        )}
      </div>
    </>
  );
});
