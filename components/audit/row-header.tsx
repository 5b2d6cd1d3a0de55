// The matrix's first column: a key's description, public key, reach, last use and organization roles, or a service
// account's name, kind, client id, reach, last use, secrets' expiry and organization roles; and why either is risky.
import { Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo } from 'react';
import { describeRole } from '@/lib/roles';
import { secretState } from '@/lib/api/secret-expiry';
import { sortRoles } from '@/components/roles/role-options';
import { TierIcon } from '@/components/roles/role-chips';
import { lastUseText } from '@/components/usage/last-use-text';
import { riskLabels, type AccountRow, type AuditRow, type KeyRow } from './analyze-report';
import classes from './audit-matrix.module.css';

const shortOrgLabel = (name: string) => describeRole(name).label.replace(/^Organization /, '');
const reachText = (reach: number) => (reach === 1 ? '1 project' : `${reach} projects`);
const day = (iso: string) => iso.slice(0, 10);

const orgRolesText = (roles: readonly string[]) => sortRoles(roles).map((name) => describeRole(name).label).join(', ');

/** Its organization roles, short and with their tier icons; spelled out for screen readers. */
function OrgRoles({ roles }: { roles: readonly string[] }) {
  const orgRoles = sortRoles(roles);
  return (
    <>
      <span className={classes.srOnly}>Organization roles: {orgRolesText(roles) || 'none'}.</span>
      <span aria-hidden>
        {orgRoles.length === 0
          ? 'No organization role'
          : orgRoles.map((name) => (
              <span key={name} className={classes.orgRole}>
                <TierIcon tier={describeRole(name).tier} /> Org {shortOrgLabel(name)}
              </span>
            ))}
      </span>
    </>
  );
}

function KeyDetails({ row }: { row: KeyRow }) {
  const { key } = row;
  return (
    <>
      <div className={classes.meta}>
        <span className={classes.mono}>{key.publicKey}</span> · {reachText(row.reach)}
      </div>
      <div className={classes.meta} data-testid="last-use">
        {lastUseText(key)}
      </div>
      <div className={classes.meta} title={orgRolesText(key.orgRoles)}>
        <OrgRoles roles={key.orgRoles} />
        {key.isConsoleKey && <span className={classes.expected}> · the console’s own key, expected</span>}
      </div>
    </>
  );
}

/** Its use and secrets in one line: the secret soonest to end (the one that matters); every secret in the title. */
function AccountDetails({ row, now }: { row: AccountRow; now: number }) {
  const { account } = row;
  const secrets = [...account.secrets].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  const soonest = secrets[0];
  const ends = (s: (typeof secrets)[number]) => `${secretState(s, now) === 'expired' ? 'expired' : 'expires'} ${day(s.expiresAt)}`;
  const every = secrets.map((s) => `${s.maskedSecretValue ?? s.id}: ${ends(s)}, ${s.lastUsedAt ? `last used ${day(s.lastUsedAt)}` : 'never used'}`).join('; ');
  return (
    <>
      {/* Its organization roles on the kind's line: the row has room for three lines of details. */}
      <div className={classes.meta} title={orgRolesText(account.orgRoles)}>
        <span className={classes.kindTag}>Service account</span> · {reachText(row.reach)} · <OrgRoles roles={account.orgRoles} />
      </div>
      <div className={`${classes.meta} ${classes.mono}`}>{account.clientId}</div>
      <div className={classes.meta} data-testid="last-use" title={every || undefined}>
        {account.lastUsed ? `Used ${day(account.lastUsed)}` : 'Never used'} · {soonest ? ends(soonest) : 'no secret'}
        {every && <span className={classes.srOnly}>. Secrets: {every}.</span>}
      </div>
    </>
  );
}

export const RowHeader = memo(function RowHeader({ row, now }: { row: AuditRow; now: number }) {
  const riskText = row.risks.map((r) => riskLabels[r]).join('; ');
  const title = row.kind === 'key' ? row.key.desc : row.name;
  return (
    <>
      <div className={classes.line}>
        {row.risks.length > 0 && (
          <Tooltip label={riskText} multiline maw={320}>
            <span className={classes.riskMark} data-testid="risk-mark">
              <IconAlertTriangle size={13} aria-hidden />
            </span>
          </Tooltip>
        )}
        <span className={classes.keyTitle} title={title}>
          {title || '(no description)'}
        </span>
      </div>
      {row.risks.length > 0 && <span className={classes.srOnly}>Risky: {riskText}.</span>}
      {row.kind === 'key' ? <KeyDetails row={row} /> : <AccountDetails row={row} now={now} />}
    </>
  );
});
