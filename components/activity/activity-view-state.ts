// The change history's filters and page as they live in the URL, and the API query they make.
import { isObjectId } from '@/lib/api/ids';
import {
  activityActions,
  activityOrigins,
  changeOutcomes,
  type ActivityAction,
  type ActivityOrigin,
  type ChangeOutcomeKind,
} from '@/lib/api/change-kinds';
import type { ActivityFilters } from '@/lib/api/queries';


export const pageSize = 50;
/** The most the API returns in one answer, and so in one CSV export. */
export const exportLimit = 1000;

export interface ActivityViewState {
  groupId: string | undefined;
  actor: string | undefined;
  action: ActivityAction | undefined;
  outcome: ChangeOutcomeKind | undefined;
  /** Through the console, outside it, or both. */
  origin: ActivityOrigin | undefined;
  /** ISO instants. */
  from: string | undefined;
  to: string | undefined;
  /** 1-based. */
  page: number;
}

/** The value if it is one of `values`: anything else from a URL or a field is dropped. */
export const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function instant(value: string | null): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Anything malformed in the URL is dropped rather than sent to the API (which would refuse it). */
export function parseActivityState(search: { get(name: string): string | null }): ActivityViewState {
  const groupId = search.get('groupId');
  const actor = search.get('actor')?.trim().toLowerCase().slice(0, 320);
  const page = Number(search.get('page'));
  return {
    groupId: isObjectId(groupId) ? groupId : undefined,
    actor: actor || undefined,
    action: oneOf(activityActions, search.get('action')),
    outcome: oneOf(changeOutcomes, search.get('outcome')),
    origin: oneOf(activityOrigins, search.get('origin')),
    from: instant(search.get('from')),
    to: instant(search.get('to')),
    page: Number.isInteger(page) && page >= 1 && page <= 20_000 ? page : 1,
  };
}

export function serializeActivityState(state: ActivityViewState): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of ['groupId', 'actor', 'action', 'outcome', 'origin', 'from', 'to'] as const) {
    const value = state[name];
    if (value) search.set(name, value);
  }
  if (state.page > 1) search.set('page', String(state.page));
  return search;
}

/** The API's filters for the page shown. */
export function activityFilters(state: ActivityViewState): ActivityFilters {
  const { page, ...filters } = state;
  return { ...withoutUndefined(filters), limit: pageSize, offset: (page - 1) * pageSize };
}

/** The API's filters for the CSV export: the newest matching changes, as many as one answer holds. */
export function exportFilters(state: ActivityViewState): ActivityFilters {
  const { page: _page, ...filters } = state;
  return { ...withoutUndefined(filters), limit: exportLimit, offset: 0 };
}

export function isFiltered(state: ActivityViewState): boolean {
  return Boolean(state.groupId || state.actor || state.action || state.outcome || state.origin || state.from || state.to);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
