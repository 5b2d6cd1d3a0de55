// Downloads the filtered history as CSV from the API (GET /api/activity?format=csv&…), the newest changes first.
import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { activityUrl } from '@/lib/api/queries';
import { exportFilters, type ActivityViewState } from './activity-view-state';

export function ActivityExportLink({ state }: { state: ActivityViewState }) {
  return (
    <Button
      component="a"
      href={activityUrl(exportFilters(state), 'csv')}
      download
      variant="default"
      size="xs"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
    >
      Export CSV
    </Button>
  );
}
