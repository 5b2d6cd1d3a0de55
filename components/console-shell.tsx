'use client';
// The frame of every signed-in page: organization, person and their role in the current project, navigation, color scheme, sign-out, demo banner.
import { Alert, AppShell, Anchor, Button, Group, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { CurrentProjectRole } from './current-project-role';
import { signOutToSignIn } from './session-actions';

interface Props {
  org: { id: string; name: string };
  person: { email: string; name: string };
  demo: boolean;
  children: ReactNode;
}

const links = [
  { href: '/projects', label: 'Projects' },
  { href: '/audit', label: 'Audit' },
  { href: '/activity', label: 'Activity' },
];

export function ConsoleShell({ org, person, demo, children }: Props) {
  const pathname = usePathname();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} component={Link} href="/projects" c="inherit" td="none">
              Atlas Keys Console
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="sm" data-testid="org-name" title={`Organization ${org.id}`}>
              {org.name}
            </Text>
            <Group gap="md" component="nav" aria-label="Main">
              {links.map((link) => {
                const current = pathname.startsWith(link.href);
                return (
                  <Anchor key={link.href} component={Link} href={link.href} fw={current ? 700 : 400} aria-current={current ? 'page' : undefined}>
                    {link.label}
                  </Anchor>
                );
              })}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <CurrentProjectRole />
            <Text size="sm" data-testid="signed-in-person" title={person.name}>
              {person.email}
            </Text>
            <ColorSchemeToggle />
            <Button variant="default" onClick={() => void signOutToSignIn()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {demo && (
          <Alert color="blue" variant="light" mb="md" icon={<IconFlask aria-hidden />} title="Demo mode" data-testid="demo-banner">
            This console runs against the bundled Admin API emulator with a demo organization. Nothing reaches MongoDB.
          </Alert>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
