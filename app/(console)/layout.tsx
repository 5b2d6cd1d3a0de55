import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/console-shell';
import { orgDetails } from '@/lib/auth/access';
import { isDemoMode } from '@/lib/auth/demo';
import { currentPerson } from '@/lib/auth/session';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const person = await currentPerson();
  if (!person) redirect('/signin');
  const [org, demo] = await Promise.all([orgDetails(), isDemoMode()]);
  return (
    <ConsoleShell org={org} person={person} demo={demo}>
      {children}
    </ConsoleShell>
  );
}
