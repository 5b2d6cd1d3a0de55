// How a change ended: a badge with icon and word, and for failures the upstream's error code and detail as is.
import { Badge, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconQuestionMark, IconX } from '@tabler/icons-react';
import type { ChangeRecord } from '@/lib/api/activity';
import { outcomeLabels } from './activity-labels';
import classes from './outcome-colors.module.css';

const icons = { success: IconCheck, failure: IconX, unknown: IconQuestionMark, pending: IconClock } as const;

export function OutcomeCell({ change }: { change: ChangeRecord }) {
  const Icon = icons[change.outcome];
  return (
    <Stack gap={2} align="flex-start">
      <Badge className={classes.badge} data-outcome={change.outcome} leftSection={<Icon size={12} aria-hidden />} size="md" radius="sm">
        {outcomeLabels[change.outcome]}
      </Badge>
      {change.errorCode && <Code>{change.errorCode}</Code>}
      {change.detail && (
        <Text size="xs" maw={280} className={change.outcome === 'failure' ? classes.failureText : undefined}>
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
