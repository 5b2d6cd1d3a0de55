// The audit's filter bar: view, text, roles, tier, projects (by pick or name), reach, risky only, sorting, density and thresholds.
import { Button, Group, SegmentedControl, Select, Switch, TextInput, Box, Stack, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState, useId, type ReactNode } from 'react';
import type { AuditReport } from '@/lib/api/audit';
import { tierLabels, tiers } from '@/lib/roles';
import { RoleOption, RolePill } from '@/components/roles/role-chips';
import { DeferredMultiSelect } from '@/components/ui/deferred-multi-select';
import { labelOrNameFilter } from '@/components/roles/role-options';
import {
  auditSorts,
  isFiltered,
  reachFilters,
  rowsFiltered,
  type AuditLayout,
  type AuditSort,
  type AuditViewState,
  type Density,
  type KindFilter,
  type ReachFilter,
  type TierFilter,
} from './audit-view-state';
import { roleFilterOptions } from './filter-report';
import { ThresholdSettings } from './threshold-settings';

interface Props {
  report: AuditReport;
  state: AuditViewState;
  onChange: (patch: Partial<AuditViewState>) => void;
  onReset: () => void;
}

const sortLabels: Record<AuditSort, string> = { privilege: 'Privilege', reach: 'Reach', name: 'Name' };

/** A text field that applies its value after a pause in typing, and shows the URL's value when it changes from elsewhere. */
function useDebouncedText(value: string, apply: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed from elsewhere (a summary card, back button): show its text.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const push = useDebouncedCallback(apply, 250);
  return [
    text,
    (next: string) => {
      setText(next);
      push(next);
    },
  ];
}

export function AuditFilters({ report, state, onChange, onReset }: Props) {
  const [text, setText] = useDebouncedText(state.q, (q) => onChange({ q }));
  const [projectName, setProjectName] = useDebouncedText(state.projectName, (name) => onChange({ projectName: name }));
  const roleData = useMemo(() => roleFilterOptions(report, state.roles), [report, state.roles]);
  const projectData = useMemo(() => report.projects.map((p) => ({ value: p.id, label: p.name })), [report.projects]);
  const reachLabels: Record<ReachFilter, string> = {
    any: 'Any number of projects',
    none: 'In no project',
    many: `In more than ${report.thresholds.manyProjects} projects`,
  };

  return (
    <Group align="flex-end" gap="sm" component="section" aria-label="Filters">
      <LabeledControl label="View">
        {(labelId) => (
          <SegmentedControl
            aria-labelledby={labelId}
            data={[
              { value: 'keys', label: 'Matrix' },
              { value: 'projects', label: 'By project' },
            ]}
            value={state.layout}
            onChange={(layout) => onChange({ layout: layout as AuditLayout })}
            size="sm"
          />
        )}
      </LabeledControl>
      <LabeledControl label="Kind">
        {(labelId) => (
          <SegmentedControl
            aria-labelledby={labelId}
            data={[
              { value: 'all', label: 'All' },
              { value: 'key', label: 'API keys' },
              { value: 'serviceAccount', label: 'Service accounts' },
            ]}
            value={state.kind}
            onChange={(kind) => onChange({ kind: kind as KindFilter })}
            size="sm"
          />
        )}
      </LabeledControl>
      <TextInput
        label="Search"
        placeholder="Description, name, key or ID"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
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
      <TextInput
        label="Project name"
        placeholder="Part of a name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={projectName}
        onChange={(event) => setProjectName(event.currentTarget.value)}
        w={180}
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
      {state.layout === 'keys' && (
        <LabeledControl label="Density">
          {(labelId) => (
            <SegmentedControl
              aria-labelledby={labelId}
              data={[
                { value: 'comfortable', label: 'Role names' },
                { value: 'compact', label: 'Compact' },
              ]}
              value={state.density}
              onChange={(density) => onChange({ density: density as Density })}
              size="sm"
            />
          )}
        </LabeledControl>
      )}
      <Switch
        label="Show projects where no shown key has a role"
        checked={state.allColumns}
        disabled={!rowsFiltered(state)}
        onChange={(event) => onChange({ allColumns: event.currentTarget.checked })}
        mb={8}
      />
      <ThresholdSettings report={report} state={state} onChange={onChange} />
      <Button variant="subtle" onClick={onReset} disabled={!isFiltered(state)}>
        Reset filters
      </Button>
    </Group>
  );
}

/** A visible label above a control that is not a form input (a segmented control), tied to it by aria-labelledby. */
function LabeledControl({ label, children }: { label: string; children: (labelId: string) => ReactNode }) {
  const id = useId();
  return (
    <Stack gap={4} maw="100%">
      <Text component="span" id={id} size="sm" fw={500}>
        {label}
      </Text>
      {/* A segmented control does not wrap: on a narrow screen it scrolls in its own box, not the page. */}
      <Box maw="100%" style={{ overflowX: 'auto' }}>
        {children(id)}
      </Box>
    </Stack>
  );
}
