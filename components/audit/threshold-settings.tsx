// The risk thresholds behind a button: how many projects make a key far-reaching, how many owners are too many.
import { Button, Loader, Popover } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import dynamic from 'next/dynamic';
import type { AuditReport } from '@/lib/api/audit';
import type { AuditViewState } from './audit-view-state';

const ThresholdFields = dynamic(() => import('./threshold-fields'), { loading: () => <Loader size="sm" aria-label="Loading" /> });

interface Props {
  report: AuditReport;
  state: AuditViewState;
  onChange: (patch: Partial<AuditViewState>) => void;
}

export function ThresholdSettings({ report, state, onChange }: Props) {
  const manyProjects = state.manyProjects ?? report.thresholds.manyProjects;
  const manyOwnerKeys = state.manyOwnerKeys ?? report.thresholds.manyOwnerKeys;
  const manyOrgOwnerKeys = state.manyOrgOwnerKeys ?? report.thresholds.manyOrgOwnerKeys;
  const unusedDays = state.unusedDays ?? report.thresholds.unusedDays;
  return (
    <Popover width={280} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}>
          Thresholds: {manyProjects} projects, {manyOwnerKeys} owners, {manyOrgOwnerKeys} org owners, {unusedDays} days unused
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ThresholdFields
          manyProjects={manyProjects}
          manyOwnerKeys={manyOwnerKeys}
          manyOrgOwnerKeys={manyOrgOwnerKeys}
          unusedDays={unusedDays}
          onChange={onChange}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
