'use client';
// The frame of every signed-in page: organization, person, navigation, color scheme, sign-out, demo banner.
import { ActionIcon, Alert, AppShell, Anchor, Button, Group, Text, Tooltip, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';

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
  const { toggleColorScheme } = useMantineColorScheme();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700}>Atlas Keys Console</Text>
            <Text c="dimmed" size="sm" visibleFrom="sm" data-testid="org-name">
              {org.name}
            </Text>
            <Group gap="xs" component="nav" aria-label="Main">
              {links.map((link) => (
                <Anchor
                  key={link.href}
                  component={Link}
                  href={link.href}
                  fw={pathname.startsWith(link.href) ? 700 : 400}
                  aria-current={pathname.startsWith(link.href) ? 'page' : undefined}
                >
                  {link.label}
                </Anchor>
              ))}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="signed-in-person">
              {person.email}
            </Text>
            <Tooltip label="Switch light / dark">
              <ActionIcon variant="default" onClick={toggleColorScheme} aria-label="Switch light / dark">
                <IconSun size={16} className="light-hidden" />
                <IconMoon size={16} className="dark-hidden" />
              </ActionIcon>
            </Tooltip>
            <Button variant="default" size="xs" onClick={() => void signOut({ callbackUrl: '/signin' })}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {demo && (
          <Alert color="blue" variant="light" mb="md" title="Demo mode" data-testid="demo-banner">
            This console runs against the bundled Admin API emulator with a demo organization. Nothing reaches MongoDB.
          </Alert>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
