// The person's roles in a project grouped by where they come from: their own, each team's (named), and organization roles that reach every project.
import { Group, Text } from '@mantine/core';
import type { RoleSource } from '@/lib/api/schemas';
import { RoleChips } from './role-chips';

interface Props {
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

export function RoleSources({ sources, label, nowrap = false }: Props) {
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
