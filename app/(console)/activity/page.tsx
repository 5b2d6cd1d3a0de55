// The change history page; /activity?groupId=… shows one project's history.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActivityPage } from '@/components/activity/activity-page';

export const metadata: Metadata = { title: 'Activity' };

export default function ActivityRoute() {
  return (
    <Suspense>
      <ActivityPage />
    </Suspense>
  );
}
