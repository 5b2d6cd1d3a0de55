// A row's mutation buttons, shown only to people who may manage the project's keys.
import { Button } from '@mantine/core';
import { IconPencil, IconUnlink } from '@tabler/icons-react';
import type { ApiKey } from '@/lib/api/schemas';
import classes from './keys-table.module.css';

interface Props {
  apiKey: ApiKey;
  disabled: boolean;
  onEdit: (key: ApiKey) => void;
  onUnassign: (key: ApiKey) => void;
}

export function KeyActions({ apiKey, disabled, onEdit, onUnassign }: Props) {
  return (
    <div className={classes.actions}>
      <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(apiKey)} disabled={disabled}>
        Edit roles
      </Button>
      <Button size="compact-sm" variant="light" color="red" leftSection={<IconUnlink size={14} aria-hidden />} onClick={() => onUnassign(apiKey)} disabled={disabled}>
        Unassign
      </Button>
    </div>
  );
}
