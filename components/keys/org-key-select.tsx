// The organization key to assign, searchable by description, public key or id.
import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { labelOrNameFilter } from '@/components/roles/role-options';
import type { ApiKey } from '@/lib/api/schemas';
import { OrgKeyOption } from './org-key-option';

interface Props {
  keys: readonly ApiKey[];
  value: string | null;
  onChange: (keyId: string | null) => void;
  error?: string;
  loading: boolean;
  projectNames: ReadonlyMap<string, string>;
}

export function OrgKeySelect({ keys, value, onChange, error, loading, projectNames }: Props) {
  const byId = useMemo(() => new Map(keys.map((k) => [k.id, k])), [keys]);
  // The label holds description and public key, the value the id: the filter searches all three.
  const data = useMemo(() => keys.map((k) => ({ value: k.id, label: `${k.desc} (${k.publicKey})` })), [keys]);
  return (
    <Select
      label="Organization key"
      description="Keys of the organization that are not in this project yet, with the roles they hold elsewhere. Search by description, public key or id."
      placeholder={loading ? 'Loading the organization’s keys…' : 'Search keys'}
      withAsterisk
      data-autofocus
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      disabled={loading}
      searchable
      filter={labelOrNameFilter}
      nothingFoundMessage="No organization key matches"
      // The list itself scrolls, not a Mantine ScrollArea inside it: see RoleMultiSelect.
      withScrollArea={false}
      styles={{ options: { maxHeight: 300, overflowY: 'auto' } }}
      renderOption={({ option }) => {
        const key = byId.get(option.value);
        return key ? <OrgKeyOption apiKey={key} projectNames={projectNames} /> : option.label;
      }}
    />
  );
}
