// The view by project: each project with its keys and service accounts and their roles, riskiest first, ten projects at a time.
import { Anchor, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { HeadedTable, type Column } from '@/components/ui/scroll-table';
import type { AuditProject } from './filter-report';
import type { AuditRow } from './analyze-report';
import { risksColumn } from './risk-text';
import type { ProjectEntry, ProjectReview } from './review-by-project';
import { rowMarks } from './row-marks';
import { rowPageHref } from './key-page-href';
import { describeRole } from '@/lib/roles';
import { sortRoles } from '@/components/roles/role-options';
import { TierIcon } from '@/components/roles/role-chips';
import Link from 'next/link';
import warnText from './warn-text.module.css';
import tierColors from '@/components/roles/tier-colors.module.css';
import classes from './audit-matrix.module.css';

interface Props {
  reviews: readonly ProjectReview[];
  /** The keys and service accounts listed once above, which reach every project. */
  orgWide: readonly AuditRow[];
  manyOwnerKeys: number;
}

/** A page of sections at a time keeps the first paint small; the rest come on request. */
const pageSize = 10;

/** A project section's columns: the links lead to that project's page, the roles are those held there. */
function columnsFor(project: AuditProject): Column<ProjectEntry>[] {
  return [
    {
      header: 'Key or service account',
      cell: ({ row }) => (
        <>
          {row.kind === 'serviceAccount' && (
            <Badge variant="outline" color="gray" radius="sm" tt="none" mr={6}>
              Service account
            </Badge>
          )}
          <Anchor component={Link} href={rowPageHref(row, project.id)} size="sm" fw={600}>
            {row.name || '(no description)'}
          </Anchor>{' '}
          <Code>{row.handle}</Code>
        </>
      ),
    },
    {
      header: `Roles in ${project.name}`,
      cell: ({ row, roles }) => (
        <RoleTags roles={roles} label={`Roles of ${row.kind === 'serviceAccount' ? 'service account ' : ''}${row.name} in ${project.name}`} />
      ),
    },
    risksColumn(({ row }) => row.risks),
  ];
}

function ProjectSection({ review, orgWideText, manyOwnerKeys }: { review: ProjectReview; orgWideText: string | undefined; manyOwnerKeys: number }) {
  const { project, entries, ownerKeys, accessKeys, overOwned } = review;
  const accounts = entries.filter((e) => e.row.kind === 'serviceAccount').length;
  const keys = entries.length - accounts;
  const titleId = `review-${project.id}`;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId} data-testid="project-review" data-project-id={project.id}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h4" id={titleId}>
          <Anchor component={Link} href={`/projects/${project.id}`} inherit>
            {project.name}
          </Anchor>
        </Title>
        <Group gap={6}>
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {keys} {keys === 1 ? 'key' : 'keys'}
          </Badge>
          {accounts > 0 && (
            <Badge variant="light" color="gray" radius="sm" tt="none">
              {accounts} service {accounts === 1 ? 'account' : 'accounts'}
            </Badge>
          )}
          <Badge variant="light" color={accessKeys > 0 ? 'red' : 'gray'} radius="sm" tt="none">
            {accessKeys} can grant access
          </Badge>
          <Text size="sm" className={overOwned ? warnText.warn : undefined}>
            {overOwned && <IconAlertTriangle size={13} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />}
            {ownerKeys} Project {ownerKeys === 1 ? 'Owner' : 'Owners'}
            {overOwned ? `, more than ${manyOwnerKeys}` : ''}
          </Text>
        </Group>
      </Group>
      {orgWideText && (
        <Text size="xs" c="dimmed">
          Also reaching it: the {orgWideText} listed above.
        </Text>
      )}
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          No key or service account holds a project role here.
        </Text>
      ) : (
        <HeadedTable
          label={`Keys and service accounts of ${project.name}`}
          labelledBy={titleId}
          columns={columnsFor(project)}
          rows={entries}
          rowKey={(entry) => entry.row.id}
          rowMarks={(entry) => rowMarks(entry.row)}
        />
      )}
    </Paper>
  );
}

/** "3 organization-wide keys", "2 organization-wide keys and accounts" when both kinds are there; undefined for none. */
function orgWideWords(orgWide: readonly AuditRow[]): string | undefined {
  if (orgWide.length === 0) return undefined;
  const count = orgWide.length;
  const accounts = orgWide.filter((row) => row.kind === 'serviceAccount').length;
  if (accounts > 0 && accounts < count) return `${count} organization-wide keys and accounts`;
  const kind = accounts === 0 ? 'key' : 'service account';
  return `${count} organization-wide ${kind}${count === 1 ? '' : 's'}`;
}

export function ProjectReviewList({ reviews, orgWide, manyOwnerKeys }: Props) {
  const orgWideText = orgWideWords(orgWide);
  const [shown, setShown] = useState(pageSize);
  return (
    <Stack gap="sm" data-testid="project-reviews">
      {reviews.slice(0, shown).map((review) => (
        <ProjectSection key={review.project.id} review={review} orgWideText={orgWideText} manyOwnerKeys={manyOwnerKeys} />
      ))}
      {reviews.length > shown && (
        <Button variant="default" onClick={() => setShown(shown + pageSize)}>
          Show {Math.min(pageSize, reviews.length - shown)} more projects ({reviews.length - shown} left)
        </Button>
      )}
    </Stack>
  );
}

/** Role chips for long lists (the view by project): full names, tier colors and icons as plain elements, no tooltip per chip. */
function RoleTags({ roles, label }: { roles: readonly string[]; label: string }) {
  return (
    <ul className={classes.tags} aria-label={label}>
      {sortRoles(roles).map((name) => {
        const role = describeRole(name);
        return (
          <li key={name} className={`${tierColors.tier} ${classes.chip}`} data-tier={role.tier} title={name} aria-label={`${role.label} (${name})`}>
            <TierIcon tier={role.tier} />
            {role.label}
          </li>
        );
      })}
    </ul>
  );
}
