// Downloads the page as currently filtered, as CSV for spreadsheets and JSON for scripts.
import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconJson } from '@tabler/icons-react';
import { downloadFile, fileStamp } from './download-file';

interface Props {
  generatedAt: string;
  /** Names the files: the matrix is "audit", the view by project "audit-by-project". */
  name: string;
  /** Built on click only: a 500 × 200 export is not worth building on every render. */
  csv: () => string;
  json: () => unknown;
}

export function AuditExportButtons({ generatedAt, name, csv, json }: Props) {
  const stamp = fileStamp(generatedAt);
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        onClick={() => downloadFile(`atlas-keys-${name}-${stamp}.csv`, csv(), 'text/csv;charset=utf-8')}
      >
        Export CSV
      </Button>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconJson size={16} aria-hidden />}
        onClick={() => downloadFile(`atlas-keys-${name}-${stamp}.json`, `${JSON.stringify(json(), null, 2)}\n`, 'application/json')}
      >
        Export JSON
      </Button>
    </Group>
  );
}
