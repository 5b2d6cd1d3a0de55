import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from './testing/emulator-fixture';
import { upstreamFailure } from './testing/upstream-failure';

const seed = generateSeed({ keys: 40, projects: 4 });
const [, quiet] = seed.projects;
if (!quiet) throw new Error('the generated seed has projects');
// An ordinary key: a member of the organization, not in the project, like a console set up with the wrong key.
const member = seed.apiKeys.find(
  (k) => k.roles.some((r) => r.roleName === 'ORG_MEMBER') && !k.roles.some((r) => r.groupId === quiet.id || r.roleName === 'ORG_OWNER'),
);
if (!member) throw new Error('no member key');

let fixture: EmulatorFixture;
beforeAll(async () => {
  fixture = await startEmulatorFixture(seed);
});
afterAll(() => fixture.close());
beforeEach(() => fixture.reset());

describe.each(testFlavors)("the console's credential on $flavor", (flavor) => {
  it('lacking a role in the project is said plainly, as the console key’s problem', async () => {
    const atlas = fixture.client(flavor, 'digest', { auth: { kind: 'digest', publicKey: member.publicKey, privateKey: member.privateKey } });
    const write = await upstreamFailure(atlas.createProjectKey(quiet.id, { desc: 'x', roles: ['GROUP_READ_ONLY'] }));
    expect(write).toMatchObject({
      kind: 'credential',
      status: 401,
      errorCode: 'NOT_IN_GROUP',
      detail: "The console's API key lacks the Project Owner or Organization Owner role needed for this project.",
    });
    expect(write.detail).not.toMatch(/sign|session|log ?in|password/i);
    const read = await upstreamFailure(atlas.listProjectUsers(quiet.id));
    expect(read).toMatchObject({ kind: 'credential', errorCode: 'NOT_IN_GROUP' });
  });

  it('a wrong private key is refused after one challenge, never in a loop', async () => {
    const atlas = fixture.client(flavor, 'digest', {
      auth: { kind: 'digest', publicKey: fixture.consoleKey.publicKey, privateKey: '00000000-0000-4000-8000-000000000000' },
    });
    const error = await upstreamFailure(atlas.getOrg());
    expect(error).toMatchObject({ kind: 'credential', status: 401, errorCode: 'USER_UNAUTHORIZED' });
    expect(error.detail).toBe("The Admin API rejected the console's API key: check that it exists and that the configured secret is right.");
    expect((await fixture.requests()).map((r) => `${r.status} ${r.auth}`)).toEqual(['401 none', '401 digest']);
  });

  it('a wrong client secret is refused at the token endpoint, once', async () => {
    const atlas = fixture.client(flavor, 'oauth', {
      auth: { kind: 'oauth', clientId: fixture.serviceAccount.clientId, clientSecret: 'mdb_sa_sk_wrong' },
    });
    const error = await upstreamFailure(atlas.getOrg());
    expect(error).toMatchObject({ kind: 'credential', status: 401 });
    expect(error.detail).toBe("The Admin API rejected the console's service account: check that it exists and that the configured secret is right.");
    expect((await fixture.requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /api/oauth/token 401']);
  });
});
