import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/console-shell';
import { InvitationPending } from '@/components/invitation-pending';
import { membershipOf, orgDetails } from '@/lib/server/access';
import { isDemoMode } from '@/lib/auth/demo';
import { currentPerson } from '@/lib/auth/session';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const person = await currentPerson();
  if (!person) redirect('/signin');
  // An unreadable membership leaves the pages to show their own errors; the API refuses the invited all the same.
  const [org, demo, membership] = await Promise.all([orgDetails(), isDemoMode(), membershipOf(person.email).catch(() => undefined)]);
  const invited = membership !== undefined && membership !== 'ACTIVE';
  return (
    <ConsoleShell org={org} person={person} demo={demo}>
      {invited ? <InvitationPending orgName={org.name} status={membership} /> : children}
    </ConsoleShell>
  );
}
