// The audit's figures above the matrix as cards; each card narrows the matrix to what it counts.
import { SimpleGrid } from '@mantine/core';
import type { AuditReport } from '@/lib/api/audit';
import { defaultViewState, isFiltered, type AuditViewState } from './audit-view-state';
import { SummaryCard } from './summary-card';

interface Props {
  report: AuditReport;
  state: AuditViewState;
  onApply: (patch: Partial<AuditViewState>) => void;
}

/** Each card replaces the narrowing filters with its own, and keeps sort order and thresholds. */
const only = (patch: Partial<AuditViewState>): Partial<AuditViewState> => {
  const { sort: _sort, manyProjects: _manyProjects, manyOwnerKeys: _manyOwnerKeys, ...noNarrowing } = defaultViewState;
  return { ...noNarrowing, ...patch };
};

export function AuditSummary({ report, state, onApply }: Props) {
  const { summary, thresholds } = report;
  const plain = !isFiltered(state);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="section" aria-label="Summary">
      <SummaryCard
        testId="summary-keys"
        value={summary.keys}
        label="Keys"
        hint={`across ${report.projects.length} ${report.projects.length === 1 ? 'project' : 'projects'}`}
        active={plain}
        onApply={() => onApply(only({}))}
      />
      <SummaryCard
        testId="summary-access"
        value={summary.accessGrantingKeys}
        label="Can grant access"
        hint="Owner, User Admin or Organization Owner"
        active={state.tier === 'access' && state.reach === 'any' && !state.overOwned}
        warn
        onApply={() => onApply(only({ tier: 'access' }))}
      />
      <SummaryCard
        testId="summary-no-project"
        value={summary.keysInNoProject}
        label="In no project"
        hint="possibly unused"
        active={state.reach === 'none'}
        onApply={() => onApply(only({ reach: 'none' }))}
      />
      <SummaryCard
        testId="summary-many-projects"
        value={summary.keysInManyProjects}
        label={`In more than ${thresholds.manyProjects} projects`}
        hint="far-reaching keys"
        active={state.reach === 'many'}
        warn
        onApply={() => onApply(only({ reach: 'many' }))}
      />
      <SummaryCard
        testId="summary-over-owned"
        value={summary.projectsWithManyOwnerKeys}
        label={`Projects with more than ${thresholds.manyOwnerKeys} owner-level keys`}
        hint="Project Owner or Organization Owner"
        active={state.overOwned}
        warn
        onApply={() => onApply(only({ overOwned: true }))}
      />
    </SimpleGrid>
  );
}
