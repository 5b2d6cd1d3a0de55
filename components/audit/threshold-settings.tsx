// The risk thresholds behind a button: how many projects make a key far-reaching, how many owner keys over-own a project.
import { Button, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import type { AuditReport } from '@/lib/api/audit';
import type { AuditViewState } from './audit-view-state';

interface Props {
  report: AuditReport;
  state: AuditViewState;
  onChange: (patch: Partial<AuditViewState>) => void;
}

const count = (value: string | number) => (typeof value === 'number' ? value : undefined);

export function ThresholdSettings({ report, state, onChange }: Props) {
  const manyProjects = state.manyProjects ?? report.thresholds.manyProjects;
  const manyOwnerKeys = state.manyOwnerKeys ?? report.thresholds.manyOwnerKeys;
  return (
    <Popover width={280} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}>
          Thresholds: {manyProjects} projects, {manyOwnerKeys} owners
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm">What the summary and “only risky” count as too much.</Text>
          <NumberInput
            label="Far-reaching: a key in more than"
            description="projects"
            value={manyProjects}
            onChange={(value) => onChange({ manyProjects: count(value) })}
            min={0}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
          />
          <NumberInput
            label="Over-owned: a project with more than"
            description="owner-level keys (Project Owner or Organization Owner)"
            value={manyOwnerKeys}
            onChange={(value) => onChange({ manyOwnerKeys: count(value) })}
            min={0}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
