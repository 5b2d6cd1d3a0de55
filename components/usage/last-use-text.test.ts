import { describe, expect, it } from 'vitest';
import { lastUseText } from './last-use-text';

describe('lastUseText', () => {
  it.each([
    ['the latest use and where from', { lastUsed: '2026-11-20T08:00:00.000Z', lastUsedAddress: '192.0.2.7', accessListEntries: 2 }, 'Last used 2026-11-20 from 192.0.2.7'],
    ['the latest use without an address', { lastUsed: '2026-11-20T08:00:00.000Z', accessListEntries: 1 }, 'Last used 2026-11-20'],
    ['no access list: usable from anywhere, no trace of use', { accessListEntries: 0 }, 'No usage data (no access list)'],
    ['an access list that records no use', { accessListEntries: 3 }, 'No usage data'],
    ['a list that could not be read', {}, 'Usage unknown'],
    ['a key the answer left out', undefined, 'Usage unknown'],
  ])('says %s', (_case, usage, text) => {
    expect(lastUseText(usage)).toBe(text);
  });
});
