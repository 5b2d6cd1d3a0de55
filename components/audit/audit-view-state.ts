// The audit page's filters, sorting and thresholds as they live in the URL: parsed leniently, written minimally.
import { tiers } from '@/lib/roles';

export const auditSorts = ['privilege', 'reach', 'name'] as const;
export type AuditSort = (typeof auditSorts)[number];

export const reachFilters = ['any', 'none', 'many'] as const;
export type ReachFilter = (typeof reachFilters)[number];

export type TierFilter = (typeof tiers)[number] | 'all';

export interface AuditViewState {
  /** Free text matched against description, public key and key id. */
  q: string;
  /** Keys holding any of these roles (in the shown projects or the organization). */
  roles: string[];
  /** Keys holding a role of this tier (in the shown projects or the organization). */
  tier: TierFilter;
  /** Only these projects' columns, and only keys with a role in one of them. */
  projects: string[];
  /** Only the projects with more owner-level keys than the threshold. */
  overOwned: boolean;
  risky: boolean;
  reach: ReachFilter;
  sort: AuditSort;
  manyProjects: number | undefined;
  manyOwnerKeys: number | undefined;
}

export const defaultViewState: AuditViewState = {
  q: '',
  roles: [],
  tier: 'all',
  projects: [],
  overOwned: false,
  risky: false,
  reach: 'any',
  sort: 'privilege',
  manyProjects: undefined,
  manyOwnerKeys: undefined,
};

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

const list = (value: string | null) => (value ? [...new Set(value.split(',').filter(Boolean))] : []);

function count(value: string | null): number | undefined {
  if (value === null || !/^\d{1,5}$/.test(value)) return undefined;
  return Number(value);
}

/** Anything unknown or malformed in the URL falls back to its default rather than failing the page. */
export function parseViewState(search: { get(name: string): string | null }): AuditViewState {
  return {
    q: search.get('q')?.slice(0, 200) ?? '',
    roles: list(search.get('role')),
    tier: oneOf<TierFilter>(['all', ...tiers], search.get('tier'), 'all'),
    projects: list(search.get('project')),
    overOwned: search.get('overOwned') === '1',
    risky: search.get('risky') === '1',
    reach: oneOf(reachFilters, search.get('reach'), 'any'),
    sort: oneOf(auditSorts, search.get('sort'), 'privilege'),
    manyProjects: count(search.get('manyProjects')),
    manyOwnerKeys: count(search.get('manyOwnerKeys')),
  };
}

/** Only what differs from the defaults, so a plain /audit stays plain and links stay short. */
export function serializeViewState(state: AuditViewState): URLSearchParams {
  const search = new URLSearchParams();
  // Kept as typed (a trailing space included) so the search box does not change under the person's fingers.
  if (state.q.trim()) search.set('q', state.q);
  if (state.roles.length) search.set('role', state.roles.join(','));
  if (state.tier !== 'all') search.set('tier', state.tier);
  if (state.projects.length) search.set('project', state.projects.join(','));
  if (state.overOwned) search.set('overOwned', '1');
  if (state.risky) search.set('risky', '1');
  if (state.reach !== 'any') search.set('reach', state.reach);
  if (state.sort !== 'privilege') search.set('sort', state.sort);
  if (state.manyProjects !== undefined) search.set('manyProjects', String(state.manyProjects));
  if (state.manyOwnerKeys !== undefined) search.set('manyOwnerKeys', String(state.manyOwnerKeys));
  return search;
}

/** True when any filter narrows the view (sorting and thresholds do not). */
export function isFiltered(state: AuditViewState): boolean {
  return Boolean(state.q.trim() || state.roles.length || state.tier !== 'all' || state.projects.length || state.overOwned || state.risky || state.reach !== 'any');
}
