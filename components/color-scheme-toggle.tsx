// Light / dark switch; both icons render and CSS hides one, so server and browser agree before the scheme is known.
import { ActionIcon, Tooltip, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';

export function ColorSchemeToggle() {
  const { toggleColorScheme } = useMantineColorScheme();
  return (
    <Tooltip label="Switch light / dark">
      <ActionIcon variant="default" size="lg" onClick={toggleColorScheme} aria-label="Switch light / dark" data-testid="color-scheme-toggle">
        <IconSun size={18} className="mantine-light-hidden" aria-hidden />
        <IconMoon size={18} className="mantine-dark-hidden" aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
