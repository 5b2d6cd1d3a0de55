'use client';
// The frame of every signed-in page: organization, person and their role in the current project, navigation, color scheme, sign-out, demo banner.
import { Alert, AppShell, Anchor, Button, Group, Text } from '@mantine/core';
import { cleanNotifications } from '@mantine/notifications';
import { IconFlask } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { CompactMenu } from './compact-menu';
import { NavLabel, navLinks } from './console-nav';
import classes from './console-shell.module.css';
import { CurrentProjectRole } from './current-project-role';
import { signOutToSignIn } from './session-actions';

interface Props {
  org: { id: string; name: string };
  person: { email: string; name: string };
  demo: boolean;
  children: ReactNode;
}

export function ConsoleShell({ org, person, demo, children }: Props) {
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname.startsWith(href);
  // What a notification said concerns the page it appeared on: it does not follow the person to the next one.
  useEffect(() => cleanNotifications(), [pathname]);
  return (
    <AppShell header={{ height: 60 }} padding={{ base: 'xs', sm: 'md' }}>
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} component={Link} href="/projects" c="inherit" td="none" style={{ whiteSpace: 'nowrap' }}>
              Atlas Keys Console
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="lg" data-testid="org-name" title={`Organization ${org.id}`}>
              {org.name}
            </Text>
            <Group gap="md" component="nav" aria-label="Main" visibleFrom="md" wrap="nowrap">
              {navLinks.map((link) => (
                <Anchor key={link.href} component={Link} href={link.href} fw={isCurrent(link.href) ? 700 : 400} aria-current={isCurrent(link.href) ? 'page' : undefined}>
                  <NavLabel label={link.label} />
                </Anchor>
              ))}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap" visibleFrom="md">
            <CurrentProjectRole />
            <Text size="sm" data-testid="signed-in-person" title={person.name} truncate maw={220}>
              {person.email}
            </Text>
            <ColorSchemeToggle />
            <Button variant="default" onClick={() => void signOutToSignIn()}>
              Sign out
            </Button>
          </Group>
          <Group hiddenFrom="md">
            <CompactMenu links={navLinks} isCurrent={isCurrent} person={person} orgName={org.name} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
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
