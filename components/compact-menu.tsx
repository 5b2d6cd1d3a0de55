// The header's menu on narrow screens: navigation, the person, the color scheme and sign-out behind one button.
import { Burger, Menu, useMantineColorScheme } from '@mantine/core';
import { IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import Link from 'next/link';
import { useState } from 'react';
import { NavLabel, type NavLink } from './console-nav';
import { signOutToSignIn } from './session-actions';

interface Props {
  links: readonly NavLink[];
  isCurrent: (href: string) => boolean;
  person: { email: string };
  orgName: string;
}

export function CompactMenu({ links, isCurrent, person, orgName }: Props) {
  const [opened, setOpened] = useState(false);
  const { toggleColorScheme } = useMantineColorScheme();
  return (
    // Without Mantine's focus placeholder (a focusable element of no role inside role=menu, which axe reports as an
    // invalid child) the focus goes to the first item on opening, as the menu button pattern has it.
    <Menu opened={opened} onChange={setOpened} position="bottom-end" width={260} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Burger opened={opened} aria-label="Menu" size="sm" />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{orgName}</Menu.Label>
        {links.map((link) => (
          <Menu.Item key={link.href} component={Link} href={link.href} fw={isCurrent(link.href) ? 700 : 400} aria-current={isCurrent(link.href) ? 'page' : undefined}>
            <NavLabel label={link.label} />
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{person.email}</Menu.Label>
        <Menu.Item
          leftSection={
            <>
              <IconSun size={16} className="mantine-light-hidden" aria-hidden />
              <IconMoon size={16} className="mantine-dark-hidden" aria-hidden />
            </>
          }
          onClick={toggleColorScheme}
          closeMenuOnClick={false}
        >
          Switch light / dark
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOutToSignIn()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
