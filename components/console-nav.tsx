'use client';
// The console's main navigation, shared by the wide header and the narrow screens' menu.
import { Group, Loader } from '@mantine/core';
import { useLinkStatus } from 'next/link';

export interface NavLink {
  href: string;
  label: string;
}

export const navLinks: readonly NavLink[] = [
  { href: '/projects', label: 'Projects' },
  { href: '/audit', label: 'Audit' },
  { href: '/activity', label: 'Activity' },
];

/**
 * A link's label, with a spinner while the page it leads to is on its way: the audit arrives rendered with its report,
 * with no skeleton of its own, so the link is what shows that something is happening. Inside a `next/link` only.
 */
export function NavLabel({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return (
    <Group component="span" gap={6} wrap="nowrap">
      {label}
      {pending && <Loader size={12} aria-hidden />}
    </Group>
  );
}
