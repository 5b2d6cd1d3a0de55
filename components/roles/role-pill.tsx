// A selected role inside a Roles multiselect: tier color and icon like the chips, with a remove button.
import { Group, Pill } from '@mantine/core';
import { describeRole } from '@/lib/roles';
import { TierIcon } from './tier-icon';
import classes from './tier-colors.module.css';

interface Props {
  name: string;
  onRemove?: () => void;
  disabled?: boolean;
}

export function RolePill({ name, onRemove, disabled }: Props) {
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
