// One figure of the audit summary; pressing it applies the filter that shows exactly those keys or projects.
import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import warnText from './warn-text.module.css';

interface Props {
  value: number;
  label: string;
  hint: ReactNode;
  /** The filter this card applies is the current one. */
  active: boolean;
  warn?: boolean;
  onApply: () => void;
  testId: string;
}

export function SummaryCard({ value, label, hint, active, warn = false, onApply, testId }: Props) {
  return (
    <Card
      component="button"
      type="button"
      withBorder
      padding="sm"
      onClick={onApply}
      aria-pressed={active}
      data-testid={testId}
      style={{
        textAlign: 'left',
        cursor: 'pointer',
        borderColor: active ? 'var(--mantine-primary-color-filled)' : undefined,
        boxShadow: active ? '0 0 0 1px var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Text size="xl" fw={700} className={warn && value > 0 ? warnText.warn : undefined} lh={1.1}>
        {value.toLocaleString('en')}
      </Text>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}
