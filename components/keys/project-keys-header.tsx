// The top of a project's keys page: where you are, how many keys, and the two ways to add one.
import { Anchor, Box, Breadcrumbs, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconLink, IconPlus } from '@tabler/icons-react';
import Link from 'next/link';

interface Props {
  project: { id: string; name: string };
  keyCount: number | undefined;
  canManageKeys: boolean;
  onCreate: () => void;
  onAssign: () => void;
}

export function ProjectKeysHeader({ project, keyCount, canManageKeys, onCreate, onAssign }: Props) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Stack gap={4}>
        <Box component="nav" aria-label="Breadcrumb">
          <Breadcrumbs>
            <Anchor component={Link} href="/projects" size="sm">
              Projects
            </Anchor>
            <Text size="sm" aria-current="page">
              {project.name}
            </Text>
          </Breadcrumbs>
        </Box>
        <Title order={1} size="h2">
          {project.name}
        </Title>
        <Text size="sm" c="dimmed">
          Project ID <Code>{project.id}</Code>
          {keyCount !== undefined && ` · ${keyCount} API key${keyCount === 1 ? '' : 's'}`}
          {' · '}
          <Anchor component={Link} href={`/activity?groupId=${project.id}`} size="sm" underline="always">
            <IconHistory size={14} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> Change history
          </Anchor>
        </Text>
      </Stack>
      {canManageKeys && (
        <Group gap="sm">
          <Button variant="default" leftSection={<IconLink size={16} aria-hidden />} onClick={onAssign}>
            Assign existing key
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            Create key
          </Button>
        </Group>
      )}
    </Group>
  );
}
