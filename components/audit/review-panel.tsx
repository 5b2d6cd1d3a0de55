// Signed-off reviews: mark the audit reviewed with a note, list past reviews with who signed, compare with one, export the differences.
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditReport } from '@/lib/api/audit';
import { queryKeys, reviewsQuery, signReview } from '@/lib/api/queries';
import { LocalTime } from '@/components/ui/local-time';
import { toCsv } from '@/lib/csv';
import { downloadFile, fileStamp } from './download-file';

interface Props {
  report: AuditReport;
  since: string | undefined;
  onSince: (reviewId: string | undefined) => void;
}

const rolesText = (roles: readonly string[]) => (roles.length ? roles.join(' ') : '(none)');

export function ReviewPanel({ report, since, onSince }: Props) {
  const client = useQueryClient();
  const reviews = useQuery(reviewsQuery());
  const [note, setNote] = useState('');
  const sign = useMutation({
    mutationFn: () => signReview(note.trim()),
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: queryKeys.reviews() });
    },
  });
  // Only people who see the whole organization may review; for others the list answers 403 and nothing shows.
  if (reviews.isError || !reviews.data) return null;
  const keyName = new Map(report.keys.map((k) => [k.id, k.publicKey]));
  const accountName = new Map(report.serviceAccounts.map((a) => [a.clientId, a.name]));
  /** A key by its public key; a service account by its name, marked, since the two lists share the table. */
  const whoChanged = (c: { kind: string; id: string }) => (c.kind === 'key' ? (keyName.get(c.id) ?? c.id) : `Service account ${accountName.get(c.id) ?? c.id}`);
  const projectName = new Map(report.projects.map((p) => [p.id, p.name]));
  const changes = report.changesSince;
  const exportChanges = () =>
    downloadFile(
      `atlas-keys-changes-since-review-${fileStamp(report.generatedAt)}.csv`,
      toCsv(
        ['kind', 'id', 'publicKey', 'groupId', 'project', 'rolesBefore', 'rolesAfter'],
        (changes ?? []).map((c) => [c.kind, c.id, keyName.get(c.id) ?? '', c.groupId, projectName.get(c.groupId) ?? '', rolesText(c.rolesBefore), rolesText(c.rolesAfter)]),
      ),
      'text/csv;charset=utf-8',
    );
  return (
    <Card withBorder component="section" aria-label="Reviews" data-testid="review-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Reviews
        </Title>
        <Group align="flex-end">
          <TextInput label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} w={320} />
          <Button onClick={() => sign.mutate()} loading={sign.isPending}>
            Mark reviewed
          </Button>
          <Select
            label="Show changes since"
            placeholder={reviews.data.results.length ? 'Pick a review' : 'No review yet'}
            data={reviews.data.results.map((r) => ({ value: r.id, label: `${new Date(r.at).toLocaleString()} — ${r.reviewer}` }))}
            value={since ?? null}
            onChange={(value) => onSince(value ?? undefined)}
            clearable
            w={360}
          />
        </Group>
        {sign.isError && (
          <Text c="red" size="sm" role="alert">
            {sign.error.message}
          </Text>
        )}
        {reviews.data.results.length > 0 && (
          <Table aria-label="Past reviews" data-testid="past-reviews">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Signed</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.data.results.slice(0, 5).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <LocalTime value={r.at} />
                  </Table.Td>
                  <Table.Td>{r.reviewer}</Table.Td>
                  <Table.Td>{r.note ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {changes && (
          <Stack gap="xs" data-testid="changes-since">
            <Group justify="space-between">
              <Text fw={600}>{changes.length === 0 ? 'No change since that review.' : `${changes.length} changes since that review`}</Text>
              {changes.length > 0 && (
                <Button variant="default" size="xs" onClick={exportChanges}>
                  Export differences (CSV)
                </Button>
              )}
            </Group>
            {changes.length > 0 && (
              <Table aria-label="Changes since the review">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key or service account</Table.Th>
                    <Table.Th>Project</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>Now</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={`${c.id} ${c.groupId}`} data-testid="change-since">
                      <Table.Td ff={c.kind === 'key' ? 'monospace' : undefined}>{whoChanged(c)}</Table.Td>
                      <Table.Td>{projectName.get(c.groupId) ?? c.groupId}</Table.Td>
                      <Table.Td>{rolesText(c.rolesBefore)}</Table.Td>
                      <Table.Td>{rolesText(c.rolesAfter)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
