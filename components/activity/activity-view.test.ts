// The change history page's pure parts: URL state, the API filters it makes and local times.
import { describe, expect, it } from 'vitest';
import { activityQuery } from '@/lib/api/activity';
import { activityUrl } from '@/lib/api/queries';
import { activityFilters, exportFilters, parseActivityState, serializeActivityState } from './activity-view-state';
import { endOfMinute, fromLocalInput, toLocalInput } from './local-time';

const groupId = 'c'.repeat(24);

describe('activity view state', () => {
  it('honors ?groupId and round-trips every filter', () => {
    const search = new URLSearchParams({
      groupId,
      actor: ' Owner@Demo.Test ',
      action: 'update_roles',
      outcome: 'failure',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-31T23:59:00.000Z',
      page: '3',
    });
    const state = parseActivityState(search);
    expect(state).toEqual({
      groupId,
      actor: 'owner@demo.test',
      action: 'update_roles',
      outcome: 'failure',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-31T23:59:00.000Z',
      page: 3,
    });
    expect(parseActivityState(serializeActivityState(state))).toEqual(state);
  });

  it('drops malformed values instead of sending them to the API', () => {
    const state = parseActivityState(new URLSearchParams('groupId=../../x&action=drop&outcome=ok&origin=elsewhere&from=yesterday&page=-2'));
    expect(state).toEqual({ groupId: undefined, actor: undefined, action: undefined, outcome: undefined, origin: undefined, from: undefined, to: undefined, page: 1 });
    expect(serializeActivityState(state).toString()).toBe('');
  });

  it('makes API queries the API accepts: the page shown, and the CSV export', () => {
    const state = parseActivityState(new URLSearchParams({ groupId, outcome: 'success', origin: 'outside', page: '2' }));
    const pageUrl = new URL(activityUrl(activityFilters(state)), 'http://x');
    expect(pageUrl.pathname).toBe('/api/activity');
    expect(activityQuery.parse(Object.fromEntries(pageUrl.searchParams))).toMatchObject({ groupId, outcome: 'success', origin: 'outside', limit: 50, offset: 50, format: 'json' });
    const csvUrl = new URL(activityUrl(exportFilters(state), 'csv'), 'http://x');
    expect(activityQuery.parse(Object.fromEntries(csvUrl.searchParams))).toMatchObject({ groupId, limit: 1000, offset: 0, format: 'csv' });
  });
});

describe('local time inputs', () => {
  it('round-trips a minute-precise instant through the datetime-local value', () => {
    const iso = new Date(2025, 0, 2, 3, 4).toISOString();
    expect(toLocalInput(iso)).toBe('2025-01-02T03:04');
    expect(fromLocalInput('2025-01-02T03:04')).toBe(iso);
    expect(fromLocalInput('')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
  });

  it('makes a “to” bound cover its whole minute', () => {
    expect(endOfMinute('2025-01-02T03:04:00.000Z')).toBe('2025-01-02T03:04:59.999Z');
    expect(toLocalInput(endOfMinute(new Date(2025, 0, 2, 3, 4).toISOString()))).toBe('2025-01-02T03:04');
    expect(endOfMinute(undefined)).toBeUndefined();
  });
});
