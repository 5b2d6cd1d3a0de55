// Role chips for long lists (the view by project): full names, tier colors and icons as plain elements, no tooltip per chip.
import { describeRole } from '@/lib/roles';
import { sortRoles } from '@/components/roles/sort-roles';
import { TierIcon } from '@/components/roles/tier-icon';
import tierColors from '@/components/roles/tier-colors.module.css';
import classes from './audit-matrix.module.css';

export function RoleTags({ roles, label }: { roles: readonly string[]; label: string }) {
  return (
    <ul className={classes.tags} aria-label={label}>
      {sortRoles(roles).map((name) => {
        const role = describeRole(name);
        return (
          <li key={name} className={`${tierColors.tier} ${classes.chip}`} data-tier={role.tier} title={name} aria-label={`${role.label} (${name})`}>
            <TierIcon tier={role.tier} />
            {role.label}
          </li>
        );
      })}
    </ul>
  );
}
