// A row's risks in words, marked as a warning, or "none": the same in the organization-wide band and the by-project view.
import { Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Column } from '@/components/ui/scroll-table';
import { riskLabels, type RiskReason } from './analyze-report';
import warnText from './warn-text.module.css';

export function RiskText({ risks }: { risks: readonly RiskReason[] }) {
  if (risks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        none
      </Text>
    );
  }
  return (
    <Text size="sm" className={warnText.warn} data-testid="risk-mark">
      <IconAlertTriangle size={13} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
      {risks.map((r) => riskLabels[r]).join('; ')}
    </Text>
  );
}

/** The last column of the band's and the by-project list's tables. */
export function risksColumn<Row>(risksOf: (row: Row) => readonly RiskReason[]): Column<Row> {
  return { header: 'Risks', cell: (row) => <RiskText risks={risksOf(row)} /> };
}
