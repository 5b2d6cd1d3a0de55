// How a change ended: a badge with icon and word, and for failures the upstream's error code and detail as is.
import { Badge, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconQuestionMark, IconX } from '@tabler/icons-react';
import type { ChangeRecord } from '@/lib/api/activity';
import { outcomeLabels } from './activity-labels';

const looks = {
  success: { color: 'green', Icon: IconCheck },
  failure: { color: 'red', Icon: IconX },
  unknown: { color: 'yellow', Icon: IconQuestionMark },
  pending: { color: 'gray', Icon: IconClock },
} as const;

export function OutcomeCell({ change }: { change: ChangeRecord }) {
  const { color, Icon } = looks[change.outcome];
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={color} variant="light" leftSection={<Icon size={12} aria-hidden />} data-outcome={change.outcome}>
        {outcomeLabels[change.outcome]}
      </Badge>
      {change.errorCode && <Code>{change.errorCode}</Code>}
      {change.detail && (
        <Text size="xs" c={change.outcome === 'failure' ? 'red' : 'dimmed'} maw={280}>
          {change.detail}
        </Text>
      )}
      {change.settledBy === 'recovery' && (
        <Text size="xs" c="dimmed">
          <IconAlertTriangle size={11} aria-hidden /> settled when the console restarted
        </Text>
      )}
    </Stack>
  );
}
