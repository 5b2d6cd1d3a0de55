// One role as a chip: the catalog's human label, the API name in its tooltip and accessible name, a tier color and icon.
import { Badge, Tooltip } from '@mantine/core';
import { describeRole } from '@/lib/roles';
import { TierIcon } from './tier-icon';
import classes from './tier-colors.module.css';

interface Props {
  name: string;
  /** Grey colors for roles held elsewhere, which matter less on this page; the icon still tells the tier. */
  muted?: boolean;
}

/** Always inside a RoleChips list: the chip is a list item named after both its label and API name. */
export function RoleChip({ name, muted = false }: Props) {
  const role = describeRole(name);
  return (
    <Tooltip label={name} withArrow openDelay={250}>
      <Badge
        role="listitem"
        aria-label={`${role.label} (${name})`}
        className={`${classes.tier} ${classes.chip}`}
        data-tier={role.tier}
        data-muted={muted || undefined}
        leftSection={<TierIcon tier={role.tier} />}
        size="md"
        radius="sm"
      >
        {role.label}
      </Badge>
    </Tooltip>
  );
}
