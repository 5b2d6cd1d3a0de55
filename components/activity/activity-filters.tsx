// The timeline's filter bar: project, person, action, outcome, origin and time range.
import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { activityActions, activityOrigins, changeOutcomes } from '@/lib/api/change-kinds';
import { actionLabels, originLabels, outcomeLabels } from './activity-labels';
import { isFiltered, oneOf, type ActivityViewState } from './activity-view-state';
import { endOfMinute, fromLocalInput, toLocalInput } from './local-time';

interface Props {
  state: ActivityViewState;
  projects: readonly { id: string; name: string }[];
  /** People seen in the history so far, offered as suggestions. */
  actors: readonly string[];
  onChange: (patch: Partial<ActivityViewState>) => void;
  onReset: () => void;
}

export function ActivityFilters({ state, projects, actors, onChange, onReset }: Props) {
  const [actor, setActor] = useState(state.actor ?? '');
  const [seenActor, setSeenActor] = useState(state.actor);
  // The URL changed from elsewhere (reset, back button): show its person, unless it is just what is being typed.
  if (state.actor !== seenActor) {
    setSeenActor(state.actor);
    if ((state.actor ?? '') !== actor.trim().toLowerCase()) setActor(state.actor ?? '');
  }
  const pushActor = useDebouncedCallback((value: string) => onChange({ actor: value.trim().toLowerCase() || undefined }), 300);
  const projectData = projects.map((p) => ({ value: p.id, label: p.name }));
  // A project from the URL that is not in the person's list still shows, by its id.
  if (state.groupId && !projects.some((p) => p.id === state.groupId)) projectData.unshift({ value: state.groupId, label: state.groupId });

  return (
    <Group align="flex-end" gap="sm" component="section" aria-label="Filters">
      <Select
        label="Project"
        placeholder="All projects"
        data={projectData}
        value={state.groupId ?? null}
        onChange={(groupId) => onChange({ groupId: groupId ?? undefined })}
        searchable
        clearable
        nothingFoundMessage="No project matches"
        w={220}
      />
      <Autocomplete
        label="Who"
        placeholder="Email or public key"
        data={[...actors]}
        value={actor}
        onChange={(value) => {
          setActor(value);
          pushActor(value);
        }}
        w={240}
      />
      <ChoiceFilter label="Action" placeholder="Any action" values={activityActions} labels={actionLabels} value={state.action} onChange={(action) => onChange({ action })} w={160} />
      <ChoiceFilter label="Outcome" placeholder="Any outcome" values={changeOutcomes} labels={outcomeLabels} value={state.outcome} onChange={(outcome) => onChange({ outcome })} w={150} />
      <ChoiceFilter label="Made" placeholder="Anywhere" values={activityOrigins} labels={originLabels} value={state.origin} onChange={(origin) => onChange({ origin })} w={190} />
      <TextInput
        label="From"
        type="datetime-local"
        value={toLocalInput(state.from)}
        onChange={(event) => onChange({ from: fromLocalInput(event.currentTarget.value) })}
        w={200}
      />
      <TextInput
        label="To"
        type="datetime-local"
        value={toLocalInput(state.to)}
        onChange={(event) => onChange({ to: endOfMinute(fromLocalInput(event.currentTarget.value)) })}
        w={200}
      />
      <Button variant="subtle" onClick={onReset} disabled={!isFiltered(state)}>
        Reset filters
      </Button>
    </Group>
  );
}

interface ChoiceProps<T extends string> {
  label: string;
  placeholder: string;
  values: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  w: number;
}

/** One of a fixed list of values, or any. */
function ChoiceFilter<T extends string>({ values, labels, value, onChange, ...field }: ChoiceProps<T>) {
  const data = values.map((v) => ({ value: v, label: labels[v] }));
  return <Select {...field} data={data} value={value ?? null} onChange={(next) => onChange(oneOf(values, next))} clearable />;
}
