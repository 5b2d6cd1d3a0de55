// Downloads the matrix as currently filtered, as CSV for spreadsheets and JSON for scripts.
import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconJson } from '@tabler/icons-react';
import type { AuditReport } from '@/lib/api/audit';
import { auditViewCsv, auditViewJson } from './audit-export';
import type { AuditViewState } from './audit-view-state';
import { downloadFile, fileStamp } from './download-file';
import type { AuditView } from './filter-report';

interface Props {
  report: AuditReport;
  view: AuditView;
  state: AuditViewState;
}

export function AuditExportButtons({ report, view, state }: Props) {
  const stamp = fileStamp(report.generatedAt);
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        onClick={() => downloadFile(`atlas-keys-audit-${stamp}.csv`, auditViewCsv(view), 'text/csv;charset=utf-8')}
      >
        Export CSV
      </Button>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconJson size={16} aria-hidden />}
        onClick={() =>
          downloadFile(`atlas-keys-audit-${stamp}.json`, `${JSON.stringify(auditViewJson(report, view, state), null, 2)}\n`, 'application/json')
        }
      >
        Export JSON
      </Button>
    </Group>
  );
}
