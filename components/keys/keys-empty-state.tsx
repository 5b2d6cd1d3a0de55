// A project without keys, or a filter that matches none: says so and what to do next.
import { Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconKey } from '@tabler/icons-react';

interface Props {
  filtered: boolean;
  canManageKeys: boolean;
  onClearFilters: () => void;
}

export function KeysEmptyState({ filtered, canManageKeys, onClearFilters }: Props) {
  if (filtered) {
    return (
      <EmptyState
        icon={<IconFilterOff size={28} aria-hidden />}
        title="No key matches these filters"
        description="Search looks at descriptions and public keys. Clear the filters to see every key of the project."
        withIndicatorBackground
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onClearFilters}>
            Clear filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconKey size={28} aria-hidden />}
      title="No API keys in this project yet"
      description={
        // The buttons are in the page header, right above; repeating them here would give two buttons of one name.
        canManageKeys
          ? 'Use “Create key” above for a new key for a script or service, or “Assign existing key” to add a key the organization already has.'
          : 'Only a Project Owner or a Project User Admin can add keys here. Ask one of them if you need a key.'
      }
      withIndicatorBackground
      py="xl"
    />
  );
}
