// Reading the Admin API's key events into the change history: kept across a restart, read again only from where the
// last read ended, the console's own events left to its records. Emulator over real HTTP, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from '@/lib/atlas/testing/emulator-fixture';
import { openChangeStore } from '@/lib/history/open-store';
import type { ChangeStore } from '@/lib/history/store';
import { testDatabases } from '@/lib/history/testing/test-databases';
import { credentials, fixtureSeed, ids, keyIds } from '@/lib/emulator/testing/fixture-seed';
import { surfaceClient, testSurfaces } from '@/lib/emulator/testing/surface-client';
import { forgetLastSync, overlapMs, syncOutsideEvents } from './outside-events';

const v2 = testFlavors.find((f) => f.flavor === 'atlas-v2')!;

describe.each(testDatabases())('outside events kept on $name', (databases) => {
  let fixture: EmulatorFixture;
  beforeAll(async () => {
    fixture = await startEmulatorFixture(fixtureSeed());
  });
  afterAll(async () => {
    await fixture?.close();
    await databases.dispose();
  });

  /** A role change signed with `key`'s Digest credential straight at the emulator, as `curl --digest` would. */
  async function changeRoles(key: keyof typeof credentials, target: string, roles: string[]) {
    const call = surfaceClient(fixture.emulator.url, testSurfaces[0]!, credentials[key]);
    expect((await call('PATCH', `/groups/${ids.p1}/apiKeys/${target}`, { roles })).status).toBe(200);
  }
  const everything = (store: ChangeStore) => store.listOutsideEvents({ withOrgEvents: true, limit: 1000 });
  const eventReads = async () => (await fixture.requests()).filter((r) => r.path.endsWith('/events') && !r.challenged);

  it('keeps what was read across a restart, and the next start reads only what is new', async () => {
    const options = await databases.fresh();
    const atlas = fixture.client(v2, 'digest');
    const consoleCredential = { publicKey: fixture.consoleKey.publicKey };

    await changeRoles('p1Owner', keyIds.p1Reader, ['GROUP_OWNER']);
    await changeRoles('console', keyIds.multi, ['GROUP_OWNER']);
    let store = await openChangeStore(options);
    forgetLastSync();
    await syncOutsideEvents(atlas, store, consoleCredential);
    const first = await everything(store);
    expect(first.results).toEqual([
      expect.objectContaining({ origin: 'outside', actor: credentials.p1Owner.publicKey, groupId: ids.p1, publicKey: credentials.p1Reader.publicKey }),
    ]);
    const marks = await store.eventReadMarks();
    expect([...marks.keys()].sort()).toEqual(['org', ids.p1, ids.p2, ids.p3].sort());
    await store.close();

    // A fresh process on the same database: the events are there before anything is read.
    store = await openChangeStore(options);
    try {
      forgetLastSync();
      expect(await everything(store)).toEqual(first);
      await changeRoles('p1UserAdmin', keyIds.p1Reader, ['GROUP_READ_ONLY']);
      await fixture.clearRequests();
      await syncOutsideEvents(atlas, store, consoleCredential);
      const reads = await eventReads();
      expect(reads.length).toBe(marks.size);
      // Each scope from where it was last read (less the overlap for late events), never from the beginning.
      for (const read of reads) {
        const scope = read.path.includes('/groups/') ? read.path.split('/groups/')[1]!.split('/')[0]! : 'org';
        expect(Date.parse(read.query.minDate!)).toBe(marks.get(scope)!.getTime() - overlapMs);
      }
      const second = await everything(store);
      expect(second.results.map((e) => e.actor)).toEqual([credentials.p1UserAdmin.publicKey, credentials.p1Owner.publicKey]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
