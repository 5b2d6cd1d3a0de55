// How roles are shown: a tier icon (so weight is never told by colour alone), one role as a chip with its API name in
// its tooltip and accessible name, a named list of chips (most privileged first), a person's roles grouped by source,
// and a role as an option or a pill of a multiselect. Free of MultiSelect itself, whose code the filters load late.
import { Badge, Group, Pill, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconEye, IconHelpCircle, IconPencil, IconShieldLock } from '@tabler/icons-react';
import type { RoleSource } from '@/lib/api/schemas';
import { describeRole, type RoleTier } from '@/lib/roles';
import { sortRoles } from './role-options';
import classes from './tier-colors.module.css';

const icons = { access: IconShieldLock, write: IconPencil, read: IconEye, unknown: IconHelpCircle } as const;

export function TierIcon({ tier, size = 12 }: { tier: RoleTier; size?: number }) {
  const Icon = icons[tier];
  return <Icon size={size} stroke={2} aria-hidden />;
}

interface RoleChipProps {
  name: string;
  /** Grey colors for roles held elsewhere, which matter less on this page; the icon still tells the tier. */
  muted?: boolean;
}

/** Always inside a RoleChips list: the chip is a list item named after both its label and API name. */
export function RoleChip({ name, muted = false }: RoleChipProps) {
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

interface RoleChipsProps {
  roles: Iterable<string>;
  label: string;
  muted?: boolean;
  /** Shown when there are no roles; nothing when omitted. */
  empty?: string;
}

export function RoleChips({ roles, label, muted, empty }: RoleChipsProps) {
  const sorted = sortRoles(roles);
  if (sorted.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Group role="list" aria-label={label} gap={4}>
      {sorted.map((name) => (
        <RoleChip key={name} name={name} muted={muted} />
      ))}
    </Group>
  );
}

// The person's roles in a project grouped by where they come from: their own, each team's (named), and organization roles that reach every project.
interface RoleSourcesProps {
  sources: readonly RoleSource[];
  /** What the roles are of, e.g. "Your roles in Payments"; each group's list adds its source. */
  label: string;
  /** Keeps the groups on one line, for the header. */
  nowrap?: boolean;
}

interface SourceGroup {
  key: string;
  roles: string[];
  note?: string;
  muted: boolean;
}

function groupSources(sources: readonly RoleSource[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const s of sources) {
    const key = s.source === 'team' ? `team:${s.teamId}` : s.source === 'organization' ? `org:${s.roleName}` : 'project';
    // The organization role's chip names it; the note says how far it reaches.
    const note = s.source === 'team' ? `through team ${s.teamName}` : s.source === 'organization' ? 'in every project' : undefined;
    const group = groups.get(key) ?? { key, roles: [], note, muted: s.source === 'organization' };
    group.roles.push(s.roleName);
    groups.set(key, group);
  }
  // Own roles first, then teams, then the organization's.
  const rank = (g: SourceGroup) => (g.key === 'project' ? 0 : g.key.startsWith('team:') ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

export function RoleSources({ sources, label, nowrap = false }: RoleSourcesProps) {
  return (
    <Group gap="xs" wrap={nowrap ? 'nowrap' : 'wrap'} data-testid="role-sources">
      {groupSources(sources).map((group) => (
        <Group key={group.key} gap={4} wrap="nowrap">
          <RoleChips roles={group.roles} label={group.note ? `${label}, ${group.note}` : label} muted={group.muted} />
          {group.note && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {group.note}
            </Text>
          )}
        </Group>
      ))}
    </Group>
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
