// The audit's figures above the matrix as cards; each card narrows the matrix to what it counts.
import { SimpleGrid, Card, Text } from '@mantine/core';
import type { AuditReport } from '@/lib/api/audit';
import { isFiltered, withoutFilters, type AuditViewState } from './audit-view-state';
import type { ReactNode } from 'react';
import { keysAndAccountsText } from './org-owner-words';
import warnText from './warn-text.module.css';

interface Props {
  report: AuditReport;
  state: AuditViewState;
  onApply: (patch: Partial<AuditViewState>) => void;
}

export function AuditSummary({ report, state, onApply }: Props) {
  const { summary, thresholds } = report;
  const plain = !isFiltered(state);
  /** Each card replaces the narrowing filters with its own, and keeps layout, sort order and thresholds. */
  const only = (patch: Partial<AuditViewState>) => onApply({ ...withoutFilters(state), ...patch });
  const consoleKey = report.keys.find((k) => k.isConsoleKey);
  const projects = report.projects.length;
  const orgOwners = summary.orgWideOwnerKeys + summary.orgWideOwnerServiceAccounts;
  const orgOwnerKinds = keysAndAccountsText(summary.orgWideOwnerKeys, summary.orgWideOwnerServiceAccounts);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 10 }} spacing="sm" component="section" aria-label="Summary">
      <SummaryCard
        testId="summary-keys"
        value={summary.keys}
        label="Keys"
        hint={`across the ${projects} ${projects === 1 ? 'project' : 'projects'} you can see`}
        active={plain}
        onApply={() => only({})}
      />
      <SummaryCard
        testId="summary-org-owners"
        value={orgOwners}
        label={`Organization Owners (threshold ${thresholds.manyOrgOwnerKeys})`}
        hint={`${orgOwnerKinds}, owner in every project, counted once${consoleKey?.orgRoles.includes('ORG_OWNER') ? '; includes the console’s own key' : ''}`}
        active={state.roles.length === 1 && state.roles[0] === 'ORG_OWNER'}
        warn={orgOwners > thresholds.manyOrgOwnerKeys}
        onApply={() => only({ roles: ['ORG_OWNER'] })}
      />
      <SummaryCard
        testId="summary-access"
        value={summary.accessGrantingKeys}
        label="Can grant access"
        hint="Project Owner, Project User Admin or Organization Owner"
        active={state.tier === 'access' && state.reach === 'any' && !state.overOwned}
        warn
        onApply={() => only({ tier: 'access' })}
      />
      <SummaryCard
        testId="summary-no-project"
        value={summary.keysInNoProject}
        label="In no project"
        hint="possibly unused; among the projects you can see"
        active={state.reach === 'none'}
        onApply={() => only({ reach: 'none' })}
      />
      <SummaryCard
        testId="summary-many-projects"
        value={summary.keysInManyProjects}
        label={`In more than ${thresholds.manyProjects} projects`}
        hint="far-reaching; counted among the projects you can see (a key’s page counts all)"
        active={state.reach === 'many'}
        warn
        onApply={() => only({ reach: 'many' })}
      />
      <SummaryCard
        testId="summary-over-owned"
        value={summary.projectsWithManyOwnerKeys}
        label={`Projects with more than ${thresholds.manyOwnerKeys} Project Owner keys`}
        hint="grants made in the project; Organization Owners are counted apart"
        active={state.overOwned}
        warn
        onApply={() => only({ overOwned: true })}
      />
      <SummaryCard
        testId="summary-unused"
        value={summary.unused}
        label={`Unused for ${thresholds.unusedDays}+ days`}
        hint="keys whose access list records their use, and service accounts; shown among the risky ones"
        active={false}
        warn
        onApply={() => only({ risky: true })}
      />
      <SummaryCard
        testId="summary-service-accounts"
        value={summary.serviceAccounts}
        label="Service accounts"
        hint="with a role in a project you can see; rows of the matrix beside the keys, or above it when organization-wide"
        active={state.kind === 'serviceAccount'}
        onApply={() => only({ kind: 'serviceAccount' })}
      />
      <SummaryCard
        testId="summary-expiring-secrets"
        value={summary.expiringSecrets}
        label="Secrets expiring"
        hint="service accounts with a secret expired or expiring within 7 days"
        active={false}
        warn
        onApply={() => only({ kind: 'serviceAccount' })}
      />
      <SummaryCard
        testId="summary-no-access-list"
        value={summary.keysWithoutAccessList + summary.serviceAccountsWithoutAccessList}
        label="No access list"
        hint={`${summary.keysWithoutAccessList} ${summary.keysWithoutAccessList === 1 ? 'key' : 'keys'} and ${summary.serviceAccountsWithoutAccessList} service ${summary.serviceAccountsWithoutAccessList === 1 ? 'account' : 'accounts'} usable from any address; shown among the risky ones`}
        active={false}
        warn
        onApply={() => only({ risky: true })}
      />
    </SimpleGrid>
  );
}

interface CardProps {
  value: number;
  label: string;
  hint: ReactNode;
  /** The filter this card applies is the current one. */
  active: boolean;
  warn?: boolean;
  onApply: () => void;
  testId: string;
}

/** One figure of the audit summary; pressing it applies the filter that shows exactly those keys or projects. */
function SummaryCard({ value, label, hint, active, warn = false, onApply, testId }: CardProps) {
  return (
    <Card
      component="button"
      type="button"
      withBorder
      padding="sm"
      onClick={onApply}
      aria-pressed={active}
      data-testid={testId}
      style={{
        textAlign: 'left',
        cursor: 'pointer',
        borderColor: active ? 'var(--mantine-primary-color-filled)' : undefined,
        boxShadow: active ? '0 0 0 1px var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Text size="xl" fw={700} className={warn && value > 0 ? warnText.warn : undefined} lh={1.1}>
        {value.toLocaleString('en')}
      </Text>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}
