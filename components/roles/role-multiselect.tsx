// Picking roles: the Roles field of every key dialog (searchable, grouped by privilege tier, at least one role), its
// options (tier icon, label, API name, a check when chosen) and its pills (tier colour and icon, with a remove button).
import { Group, MultiSelect, Pill, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { describeRole, type Flavor } from '@/lib/roles';
import { TierIcon } from './role-chips';
import { labelOrNameFilter, roleOptions } from './role-options';
import classes from './tier-colors.module.css';

interface Props {
  flavor: Flavor;
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string;
  description?: string;
  disabled?: boolean;
  /** Takes the focus when its dialog opens (Mantine's focus trap looks for `data-autofocus`). */
  autoFocus?: boolean;
}

export function RoleMultiSelect({ flavor, value, onChange, error, description, disabled, autoFocus }: Props) {
  const data = useMemo(() => roleOptions(flavor, value), [flavor, value]);
  return (
    <MultiSelect
      label="Roles"
      placeholder={value.length === 0 ? 'Pick at least one role' : undefined}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      data-autofocus={autoFocus || undefined}
      searchable
      // The list opens on click, typing or ArrowDown; a dialog that opens with its focus here stays uncovered.
      openOnFocus={false}
      filter={labelOrNameFilter}
      nothingFoundMessage="No role matches"
      // The list itself scrolls, not a Mantine ScrollArea inside it: a combobox's own listbox is driven by the arrow keys
      // from the input, while a scrolling box inside it would be a region the keyboard cannot reach (axe).
      withScrollArea={false}
      styles={{ options: { maxHeight: 280, overflowY: 'auto' } }}
      // Mantine would keep the closed list mounted and position it as it mounts: a forced style pass on every dialog open.
      comboboxProps={{ withinPortal: true, keepMounted: false }}
      renderOption={({ option, checked }) => <RoleOption name={String(option.value)} checked={Boolean(checked)} />}
      renderPill={({ value: name, onRemove, disabled: pillDisabled }) => (
        <RolePill name={String(name)} onRemove={onRemove} disabled={pillDisabled} />
      )}
      withAsterisk
    />
  );
}

export function RoleOption({ name, checked = false }: { name: string; checked?: boolean }) {
  const role = describeRole(name);
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" w="100%" data-checked={checked || undefined}>
      <Group gap="xs" wrap="nowrap">
        <TierIcon tier={role.tier} size={16} />
        <Stack gap={0}>
          <Text size="sm" fw={checked ? 600 : undefined}>
            {role.label}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {name}
          </Text>
        </Stack>
      </Group>
      {/* Mantine marks the option aria-selected for screen readers; the check says it to the eye. */}
      {checked && <IconCheck size={16} aria-hidden data-testid="role-option-check" />}
    </Group>
  );
}

interface RolePillProps {
  name: string;
  onRemove?: () => void;
  disabled?: boolean;
}

export function RolePill({ name, onRemove, disabled }: RolePillProps) {
  const role = describeRole(name);
  return (
    <Pill
      className={`${classes.tier} ${classes.pill}`}
      data-tier={role.tier}
      title={name}
      withRemoveButton={!disabled}
      onRemove={onRemove}
      disabled={disabled}
    >
      <Group component="span" gap={4} wrap="nowrap">
        <TierIcon tier={role.tier} />
        {role.label}
      </Group>
    </Pill>
  );
}
