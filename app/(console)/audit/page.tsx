// The visual role audit page: which key holds which role in which project, and what is risky.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditPage } from '@/components/audit/audit-page';

export const metadata: Metadata = { title: 'Audit' };

export default function AuditRoute() {
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
