// The Roles field of every key and service-account dialog: searchable, grouped by privilege tier, at least one role.
import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useOptionListLink } from '@/components/ui/use-option-list-link';
import type { Flavor } from '@/lib/roles';
import { RoleOption, RolePill } from './role-chips';
import { labelOrNameFilter, roleOptions } from './role-options';

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
  const listLink = useOptionListLink();
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
      {...listLink}
      renderOption={({ option, checked }) => <RoleOption name={String(option.value)} checked={Boolean(checked)} />}
      renderPill={({ value: name, onRemove, disabled: pillDisabled }) => (
        <RolePill name={String(name)} onRemove={onRemove} disabled={pillDisabled} />
      )}
      withAsterisk
    />
  );
}
