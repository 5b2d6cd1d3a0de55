// The emulator records an event for each change any caller makes, serves them filtered and paged like the events resources, and counts a key's use on its access list.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventAddress } from './events';
import { fixtureEmulatorForFile } from './testing/fixture-emulator';
import { credentials, fixtureSeed, ids, keyIds } from './testing/fixture-seed';
import { surfaceClient, testSurfaces, type CallApi, type LinksJson, type PageJson } from './testing/surface-client';

interface EventJson {
  id: string;
  created: string;
  eventTypeName: string;
  orgId: string;
  groupId?: string;
  apiKeyId?: string;
  publicKey?: string;
  remoteAddress?: string;
  targetPublicKey?: string;
  isGlobalAdmin: boolean;
  links: LinksJson;
}

interface AccessEntryJson {
  count: number;
  lastUsed?: string;
  lastUsedAddress?: string;
}

const emulator = fixtureEmulatorForFile(() => {
  const seed = fixtureSeed();
  const owner = seed.apiKeys.find((k) => k.id === keyIds.p1Owner);
  // This key is admitted from loopback, so the tests' own calls count as its use.
  if (owner) owner.accessList = [{ cidrBlock: '127.0.0.0/8', created: '2025-01-01T00:00:00Z', count: 1, lastUsed: '2025-01-02T00:00:00Z', lastUsedAddress: '127.0.0.9' }];
  return seed;
});

describe.each(testSurfaces)('events on $name', (surface) => {
  let asOwner: CallApi;
  let asConsole: CallApi;
  beforeAll(() => {
    asOwner = surfaceClient(emulator.url, surface, credentials.p1Owner);
    asConsole = surfaceClient(emulator.url, surface, credentials.console);
  });

  it("records a project's role change with its actor, address and target, and lists it newest first", async () => {
    const before = new Date().toISOString();
    expect((await asOwner('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.p1Reader}`, { roles: ['GROUP_OWNER'] })).status).toBe(200);
    expect((await asOwner('DELETE', `/groups/${ids.p1}/apiKeys/${keyIds.p1Reader}`)).status).toBe(204);
    const answer = await asConsole<PageJson<EventJson>>('GET', `/groups/${ids.p1}/events?minDate=${before}`);
    expect(answer.status).toBe(200);
    expect(answer.body.totalCount).toBe(2);
    const [removed, changed] = answer.body.results;
    expect(removed?.eventTypeName).toBe('API_KEY_REMOVED_FROM_GROUP');
    expect(changed).toMatchObject({
      eventTypeName: 'API_KEY_ROLES_CHANGED',
      orgId: ids.org,
      groupId: ids.p1,
      apiKeyId: keyIds.p1Owner,
      publicKey: credentials.p1Owner.publicKey,
      remoteAddress: '127.0.0.1',
      targetPublicKey: credentials.p1Reader.publicKey,
      isGlobalAdmin: false,
    });
    expect(changed?.id).toMatch(/^[0-9a-f]{24}$/);
    // Project events are the project's, not the organization's.
    const org = await asConsole<PageJson<EventJson>>('GET', `/orgs/${ids.org}/events`);
    expect(org.body.results).toEqual([]);
  });

  it('filters by repeated eventType and by date, and pages', async () => {
    const created = await asConsole<{ publicKey: string }>('POST', `/groups/${ids.p1}/apiKeys`, { desc: 'made here', roles: ['GROUP_READ_ONLY'] });
    expect(created.status).toBeLessThan(300);
    await asConsole('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.p1Reader}`, { roles: ['GROUP_OWNER'] });
    const org = await asConsole<PageJson<EventJson>>('GET', `/orgs/${ids.org}/events?eventType=API_KEY_CREATED`);
    expect(org.body.results.map((e) => [e.eventTypeName, e.targetPublicKey])).toEqual([['API_KEY_CREATED', created.body.publicKey]]);
    const both = await asConsole<PageJson<EventJson>>('GET', `/groups/${ids.p1}/events?eventType=API_KEY_ADDED_TO_GROUP&eventType=API_KEY_ROLES_CHANGED&itemsPerPage=1`);
    expect(both.body.totalCount).toBe(2);
    expect(both.body.results.map((e) => e.eventTypeName)).toEqual(['API_KEY_ROLES_CHANGED']);
    expect(both.body.links.map((l) => l.rel)).toContain('next');
    const future = await asConsole<PageJson<EventJson>>('GET', `/groups/${ids.p1}/events?minDate=2999-01-01T00:00:00Z`);
    expect(future.body.results).toEqual([]);
    const past = await asConsole<PageJson<EventJson>>('GET', `/groups/${ids.p1}/events?maxDate=2000-01-01T00:00:00Z`);
    expect(past.body.results).toEqual([]);
  });

  it('refuses a malformed date or event type, and a caller outside the project', async () => {
    expect((await asConsole('GET', `/groups/${ids.p1}/events?minDate=yesterday`)).status).toBe(400);
    expect((await asConsole('GET', `/groups/${ids.p1}/events?eventType=api%20key`)).status).toBe(400);
    expect((await asOwner('GET', `/groups/${ids.p2}/events`)).status).toBe(401);
  });

  it("counts an authenticated request as the key's use on the access list entry that admits its address", async () => {
    await asOwner('GET', `/groups/${ids.p1}/apiKeys`);
    const answer = await asConsole<PageJson<AccessEntryJson>>('GET', `/orgs/${ids.org}/apiKeys/${keyIds.p1Owner}/accessList`);
    const [entry] = answer.body.results;
    expect(entry?.lastUsedAddress).toBe('127.0.0.1');
    expect(Date.now() - Date.parse(entry?.lastUsed ?? '')).toBeLessThan(60_000);
    expect(entry?.count).toBeGreaterThan(1);
  });
});

describe('eventAddress', () => {
  it('writes addresses as the event views accept them', () => {
    expect(eventAddress('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(eventAddress('::1')).toBe('0:0:0:0:0:0:0:1');
    expect(eventAddress('fe80::1:2')).toBe('fe80:0:0:0:0:0:1:2');
    expect(eventAddress(undefined)).toBeUndefined();
  });
});
