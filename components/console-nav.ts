// The console's main navigation, shared by the wide header and the narrow screens' menu.
export interface NavLink {
  href: string;
  label: string;
}

export const navLinks: readonly NavLink[] = [
  { href: '/projects', label: 'Projects' },
  { href: '/audit', label: 'Audit' },
  { href: '/activity', label: 'Activity' },
];
