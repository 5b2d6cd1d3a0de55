// The matrix's first column: a key's description, public key, reach, organization roles and why it is risky.
import { Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo } from 'react';
import { describeRole } from '@/lib/roles';
import { sortRoles } from '@/components/roles/role-options';
import { TierIcon } from '@/components/roles/role-chips';
import { riskLabels, type AuditRow } from './analyze-report';
import classes from './audit-matrix.module.css';

/** What the access list says of the key's use; a key without one leaves no trace of its use upstream. */
function lastUseText(key: AuditRow['key']): string {
  if (key.lastUsed) return `Last used ${key.lastUsed.slice(0, 10)}${key.lastUsedAddress ? ` from ${key.lastUsedAddress}` : ''}`;
  if (key.accessListEntries === 0) return 'No usage data (no access list)';
  return key.accessListEntries === undefined ? 'Usage unknown' : 'No usage data';
}

const shortOrgLabel = (name: string) => describeRole(name).label.replace(/^Organization /, '');

export const KeyCell = memo(function KeyCell({ row }: { row: AuditRow }) {
  const { key, reach, risks } = row;
  const orgRoles = sortRoles(key.orgRoles);
  const riskText = risks.map((r) => riskLabels[r]).join('; ');
  const orgText = orgRoles.map((name) => describeRole(name).label).join(', ');
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
        <span className={classes.keyTitle} title={key.desc}>{key.desc || '(no description)'}</span>
      </div>
      {risks.length > 0 && <span className={classes.srOnly}>Risky: {riskText}.</span>}
      <div className={classes.meta}>
        <span className={classes.mono}>{key.publicKey}</span> · {reach === 1 ? '1 project' : `${reach} projects`}
      </div>
      <div className={classes.meta} data-testid="last-use">
        {lastUseText(key)}
      </div>
      <div className={classes.meta} title={orgText}>
        <span className={classes.srOnly}>Organization roles: {orgText || 'none'}.</span>
        <span aria-hidden>
          {orgRoles.length === 0
            ? 'No organization role'
            : orgRoles.map((name) => (
                <span key={name} className={classes.orgRole}>
                  <TierIcon tier={describeRole(name).tier} /> Org {shortOrgLabel(name)}
                </span>
              ))}
        </span>
        {key.isConsoleKey && <span className={classes.expected}> · the console’s own key, expected</span>}
      </div>
    </>
  );
});
