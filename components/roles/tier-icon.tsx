// The icon of a privilege tier, so a role's weight is never told by color alone.
import { IconEye, IconHelpCircle, IconPencil, IconShieldLock } from '@tabler/icons-react';
import type { RoleTier } from '@/lib/roles';

const icons = { access: IconShieldLock, write: IconPencil, read: IconEye, unknown: IconHelpCircle } as const;

export function TierIcon({ tier, size = 12 }: { tier: RoleTier; size?: number }) {
  const Icon = icons[tier];
  return <Icon size={size} stroke={2} aria-hidden />;
}
