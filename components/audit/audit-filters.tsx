// The audit's filter bar: text, roles, tier, projects, reach, risky only, sorting and the risk thresholds.
import { Button, Group, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { AuditReport } from '@/lib/api/audit';
import { tierLabels, tiers } from '@/lib/roles';
import { RoleOption } from '@/components/roles/role-option';
import { RolePill } from '@/components/roles/role-pill';
import { DeferredMultiSelect } from '@/components/ui/deferred-multi-select';
import { labelOrNameFilter } from '@/components/roles/role-options';
import { auditSorts, isFiltered, reachFilters, type AuditSort, type AuditViewState, type ReachFilter, type TierFilter } from './audit-view-state';
import { LabeledControl } from './labeled-control';
import { reportRoleOptions } from './report-role-options';
import { ThresholdSettings } from './threshold-settings';

interface Props {
  report: AuditReport;
  state: AuditViewState;
  onChange: (patch: Partial<AuditViewState>) => void;
  onReset: () => void;
}

const sortLabels: Record<AuditSort, string> = { privilege: 'Privilege', reach: 'Reach', name: 'Name' };

export function AuditFilters({ report, state, onChange, onReset }: Props) {
  const [text, setText] = useState(state.q);
  const [seenQ, setSeenQ] = useState(state.q);
  // The URL changed from elsewhere (a summary card, back button): show its text.
  if (state.q !== seenQ) {
    setSeenQ(state.q);
    setText(state.q);
  }
  const pushText = useDebouncedCallback((q: string) => onChange({ q }), 250);
  const roleData = useMemo(() => reportRoleOptions(report, state.roles), [report, state.roles]);
  const projectData = useMemo(() => report.projects.map((p) => ({ value: p.id, label: p.name })), [report.projects]);
  const reachLabels: Record<ReachFilter, string> = {
    any: 'Any number of projects',
    none: 'In no project',
    many: `In more than ${report.thresholds.manyProjects} projects`,
  };

  return (
    <Group align="flex-end" gap="sm" component="section" aria-label="Filters">
      <TextInput
        label="Search"
        placeholder="Description, public key or ID"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          pushText(event.currentTarget.value);
        }}
        w={240}
      />
      <DeferredMultiSelect
        label="Roles"
        placeholder={state.roles.length ? undefined : 'Any role'}
        data={roleData}
        value={state.roles}
        onChange={(roles) => onChange({ roles })}
        searchable
        clearable
        filter={labelOrNameFilter}
        nothingFoundMessage="No role matches"
        renderOption={({ option }) => <RoleOption name={String(option.value)} />}
        renderPill={({ value, onRemove }) => <RolePill name={String(value)} onRemove={onRemove} />}
        comboboxProps={{ withinPortal: true }}
        w={280}
      />
      <DeferredMultiSelect
        label="Projects"
        placeholder={state.projects.length ? undefined : 'All projects'}
        data={projectData}
        value={state.projects.filter((id) => report.projects.some((p) => p.id === id))}
        onChange={(projects) => onChange({ projects })}
        searchable
        clearable
        nothingFoundMessage="No project matches"
        comboboxProps={{ withinPortal: true }}
        w={260}
      />
      <Select
        label="Reach"
        data={reachFilters.map((value) => ({ value, label: reachLabels[value] }))}
        value={state.reach}
        onChange={(reach) => onChange({ reach: (reach ?? 'any') as ReachFilter })}
        allowDeselect={false}
        w={210}
      />
      <LabeledControl label="Tier">
        {(labelId) => (
          <SegmentedControl
            aria-labelledby={labelId}
            data={[{ value: 'all', label: 'All' }, ...tiers.map((tier) => ({ value: tier, label: tierLabels[tier] }))]}
            value={state.tier}
            onChange={(tier) => onChange({ tier: tier as TierFilter })}
            size="sm"
          />
        )}
      </LabeledControl>
      <Switch
        label="Only risky keys"
        checked={state.risky}
        onChange={(event) => onChange({ risky: event.currentTarget.checked })}
        mb={8}
      />
      <LabeledControl label="Sort by">
        {(labelId) => (
          <SegmentedControl
            aria-labelledby={labelId}
            data={auditSorts.map((value) => ({ value, label: sortLabels[value] }))}
            value={state.sort}
            onChange={(sort) => onChange({ sort: sort as AuditSort })}
            size="sm"
          />
        )}
      </LabeledControl>
      <ThresholdSettings report={report} state={state} onChange={onChange} />
      <Button variant="subtle" onClick={onReset} disabled={!isFiltered(state)}>
        Reset filters
      </Button>
    </Group>
  );
}
