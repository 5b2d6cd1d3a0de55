// The Roles field of every key dialog: searchable, grouped by privilege tier, at least one role.
import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import type { Flavor } from '@/lib/roles';
import { labelOrNameFilter, roleOptions } from './role-options';
import { RoleOption } from './role-option';
import { RolePill } from './role-pill';

interface Props {
  flavor: Flavor;
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string;
  description?: string;
  disabled?: boolean;
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
      autoFocus={autoFocus}
      searchable
      filter={labelOrNameFilter}
      nothingFoundMessage="No role matches"
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => <RoleOption name={String(option.value)} />}
      renderPill={({ value: name, onRemove, disabled: pillDisabled }) => (
        <RolePill name={String(name)} onRemove={onRemove} disabled={pillDisabled} />
      )}
      withAsterisk
    />
  );
}
