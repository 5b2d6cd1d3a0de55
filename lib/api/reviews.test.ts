// What changed since a review: keys then service accounts, and nothing said of accounts a review signed before them did not record.
import { describe, expect, it } from 'vitest';
import { changesBetween, type ReviewSnapshot } from './reviews';

const key = (projects: Record<string, string[]>) => ({ publicKey: 'abcdefgh', desc: 'k', projects });
const account = (projects: Record<string, string[]>) => ({ name: 'bot', projects });

describe('changesBetween', () => {
  const now: ReviewSnapshot = {
    keys: { k1: key({ g1: ['GROUP_OWNER'] }) },
    serviceAccounts: { a1: account({ g1: ['GROUP_READ_ONLY'], g2: ['GROUP_OWNER'] }), a2: account({}) },
  };

  it('lists keys first, then service accounts, project by project', () => {
    const signed: ReviewSnapshot = { keys: { k1: key({ g1: ['GROUP_READ_ONLY'] }) }, serviceAccounts: { a1: account({ g1: ['GROUP_READ_ONLY'] }), a3: account({ g1: ['GROUP_OWNER'] }) } };
    expect(changesBetween(signed, now)).toEqual([
      { kind: 'key', id: 'k1', groupId: 'g1', rolesBefore: ['GROUP_READ_ONLY'], rolesAfter: ['GROUP_OWNER'] },
      { kind: 'serviceAccount', id: 'a1', groupId: 'g2', rolesBefore: [], rolesAfter: ['GROUP_OWNER'] },
      { kind: 'serviceAccount', id: 'a3', groupId: 'g1', rolesBefore: ['GROUP_OWNER'], rolesAfter: [] },
    ]);
  });

  it('says nothing of service accounts when the review did not record them', () => {
    expect(changesBetween({ keys: { k1: key({ g1: ['GROUP_OWNER'] }) } }, now)).toEqual([]);
  });
});
