// The audit page's filters, sorting and thresholds as they live in the URL: parsed leniently, written minimally.
import type { AuditThresholds } from '@/lib/api/queries';
import { tiers } from '@/lib/roles';

export const auditSorts = ['privilege', 'reach', 'name'] as const;
export type AuditSort = (typeof auditSorts)[number];

export const reachFilters = ['any', 'none', 'many'] as const;
export type ReachFilter = (typeof reachFilters)[number];

export type TierFilter = (typeof tiers)[number] | 'all';

/** The matrix (keys as rows) or the same report by project, as a project owner reviews their own. */
export const auditLayouts = ['keys', 'projects'] as const;
export type AuditLayout = (typeof auditLayouts)[number];

/** Which principals: both, API keys only or service accounts only. */
export const kindFilters = ['all', 'key', 'serviceAccount'] as const;
export type KindFilter = (typeof kindFilters)[number];

export const densities = ['comfortable', 'compact'] as const;
export type Density = (typeof densities)[number];

export interface AuditViewState {
  /** Free text matched against description, public key and key id (a service account's name and client id). */
  q: string;
  kind: KindFilter;
  /** Keys holding any of these roles (in the shown projects or the organization). */
  roles: string[];
  /** Keys holding a role of this tier (in the shown projects or the organization). */
  tier: TierFilter;
  /** Only these projects' columns, and only keys with a role in one of them. */
  projects: string[];
  /** Only projects whose name contains this text. */
  projectName: string;
  /** Keep the columns in which no shown key holds a role (hidden while rows are filtered). */
  allColumns: boolean;
  layout: AuditLayout;
  density: Density;
  /** Only the projects with more owner-level keys than the threshold. */
  overOwned: boolean;
  risky: boolean;
  reach: ReachFilter;
  sort: AuditSort;
  manyProjects: number | undefined;
  manyOwnerKeys: number | undefined;
  manyOrgOwnerKeys: number | undefined;
  unusedDays: number | undefined;
}

export const defaultViewState: AuditViewState = {
  q: '',
  kind: 'all',
  roles: [],
  tier: 'all',
  projects: [],
  projectName: '',
  allColumns: false,
  layout: 'keys',
  density: 'comfortable',
  overOwned: false,
  risky: false,
  reach: 'any',
  sort: 'privilege',
  manyProjects: undefined,
  manyOwnerKeys: undefined,
  manyOrgOwnerKeys: undefined,
  unusedDays: undefined,
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
    kind: oneOf(kindFilters, search.get('kind'), 'all'),
    roles: list(search.get('role')),
    tier: oneOf<TierFilter>(['all', ...tiers], search.get('tier'), 'all'),
    projects: list(search.get('project')),
    projectName: search.get('pq')?.slice(0, 200) ?? '',
    allColumns: search.get('allColumns') === '1',
    layout: oneOf(auditLayouts, search.get('view'), 'keys'),
    density: oneOf(densities, search.get('density'), 'comfortable'),
    overOwned: search.get('overOwned') === '1',
    risky: search.get('risky') === '1',
    reach: oneOf(reachFilters, search.get('reach'), 'any'),
    sort: oneOf(auditSorts, search.get('sort'), 'privilege'),
    manyProjects: count(search.get('manyProjects')),
    manyOwnerKeys: count(search.get('manyOwnerKeys')),
    manyOrgOwnerKeys: count(search.get('manyOrgOwnerKeys')),
    unusedDays: count(search.get('unusedDays')),
  };
}

/** The thresholds the report is asked for with: the page's server part and its browser part ask alike, so they share one query. */
export function reportThresholds({ manyProjects, manyOwnerKeys, manyOrgOwnerKeys, unusedDays }: AuditViewState): AuditThresholds {
  return { manyProjects, manyOwnerKeys, manyOrgOwnerKeys, unusedDays };
}

/** Only what differs from the defaults, so a plain /audit stays plain and links stay short. */
export function serializeViewState(state: AuditViewState): URLSearchParams {
  const search = new URLSearchParams();
  // Kept as typed (a trailing space included) so the search box does not change under the person's fingers.
  if (state.q.trim()) search.set('q', state.q);
  if (state.kind !== 'all') search.set('kind', state.kind);
  if (state.roles.length) search.set('role', state.roles.join(','));
  if (state.tier !== 'all') search.set('tier', state.tier);
  if (state.projects.length) search.set('project', state.projects.join(','));
  if (state.projectName.trim()) search.set('pq', state.projectName);
  if (state.allColumns) search.set('allColumns', '1');
  if (state.layout !== 'keys') search.set('view', state.layout);
  if (state.density !== 'comfortable') search.set('density', state.density);
  if (state.overOwned) search.set('overOwned', '1');
  if (state.risky) search.set('risky', '1');
  if (state.reach !== 'any') search.set('reach', state.reach);
  if (state.sort !== 'privilege') search.set('sort', state.sort);
  if (state.manyProjects !== undefined) search.set('manyProjects', String(state.manyProjects));
  if (state.manyOwnerKeys !== undefined) search.set('manyOwnerKeys', String(state.manyOwnerKeys));
  if (state.manyOrgOwnerKeys !== undefined) search.set('manyOrgOwnerKeys', String(state.manyOrgOwnerKeys));
  if (state.unusedDays !== undefined) search.set('unusedDays', String(state.unusedDays));
  return search;
}

/** True when a filter narrows the keys shown (search, roles, tier, risk, reach): empty columns are then hidden. */
export function rowsFiltered(state: AuditViewState): boolean {
  return Boolean(state.q.trim() || state.kind !== 'all' || state.roles.length || state.tier !== 'all' || state.risky || state.reach !== 'any');
}

/** True when any filter narrows the view (sorting, layout, density and thresholds do not). */
export function isFiltered(state: AuditViewState): boolean {
  return rowsFiltered(state) || Boolean(state.projects.length || state.projectName.trim() || state.overOwned);
}

/** The state with every narrowing filter back at its default; how it is shown (layout, sort, density, thresholds) stays. */
export function withoutFilters(state: AuditViewState): AuditViewState {
  const { sort, layout, density, manyProjects, manyOwnerKeys, manyOrgOwnerKeys, unusedDays } = state;
  return { ...defaultViewState, sort, layout, density, manyProjects, manyOwnerKeys, manyOrgOwnerKeys, unusedDays };
}
