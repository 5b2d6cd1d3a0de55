// The Admin API documentation's own curl example, run with the real curl binary against the emulator instead of cloud.mongodb.com.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, type Seed } from './seed';
import { demoSeedPath } from './seeds/demo';
import { startEmulator, type RunningEmulator } from './server';
import type { KeyJson, PageJson } from './testing/surface-client';

const run = promisify(execFile);
const curl = '/usr/bin/curl';

let emulator: RunningEmulator;
let seed: Seed;
beforeAll(async () => {
  seed = loadSeed(demoSeedPath);
  emulator = await startEmulator({ seed });
});
afterAll(() => emulator.close());

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `--include` prints every answer, the 401 challenge first; split them into status, headers and body. */
function exchanges(output: string): Exchange[] {
  return output
    .split(/(?=^HTTP\/1\.1 \d{3})/m)
    .filter(Boolean)
    .map((block) => {
      const [head = '', body = ''] = block.split(/\r\n\r\n/, 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      return { status: Number(statusLine.split(' ')[1]), headers, body };
    });
}

/** The documented example's flags, word for word, with the host changed. */
async function documentedCurl(user: string, method: string, url: string, data?: string): Promise<Exchange[]> {
  const args = ['--user', user, '--digest', '--header', 'Accept: application/json', '--header', 'Content-Type: application/json', '--include', '--request', method, url];
  if (data !== undefined) args.push('--data', data);
  const { stdout } = await run(curl, args);
  return exchanges(stdout);
}

describe.runIf(existsSync(curl))('the documented curl example', () => {
  const projectKey = () => {
    // A key in one project with an organization role, assigned to a second project: the example's situation.
    const [p1, p2] = seed.projects;
    const key = seed.apiKeys.find((k) => k.roles.filter((r) => r.groupId).every((r) => r.groupId === p1?.id) && k.roles.some((r) => r.groupId) && k.roles.some((r) => r.roleName === 'ORG_MEMBER'));
    if (!key || !p1 || !p2) throw new Error('the demo seed lacks a key in exactly one project');
    return { key, p1, p2 };
  };
  const consoleKey = () => seed.apiKeys.find((k) => k.id === seed.consoleKey)!;

  it('PATCH assigns the key with the documented body and answers the documented shape', async () => {
    const { key, p1, p2 } = projectKey();
    const caller = consoleKey();
    const answers = await documentedCurl(
      `${caller.publicKey}:${caller.privateKey}`,
      'PATCH',
      `${emulator.url}/api/atlas/v1.0/groups/${p2.id}/apiKeys/${key.id}?pretty=true`,
      `{
       "roles": [ "GROUP_READ_ONLY", "GROUP_DATA_ACCESS_READ_WRITE" ]
     }`,
    );
    expect(answers.map((a) => a.status)).toEqual([401, 200]);
    expect(answers[0]?.headers['www-authenticate']).toMatch(/^Digest realm="MMS Public API", domain="", nonce="[^"]+", algorithm=MD5, qop="auth", stale=false$/);
    const last = answers[1]!;
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.body).toContain('\n  "desc"');
    const body = JSON.parse(last.body) as KeyJson;
    expect(Object.keys(body).sort()).toEqual(['desc', 'id', 'links', 'privateKey', 'publicKey', 'roles']);
    expect(body.id).toBe(key.id);
    expect(body.links).toEqual([{ href: `${emulator.url}/api/atlas/v1.0/orgs/${key.orgId}/apiKeys/${key.id}`, rel: 'self' }]);
    expect(body.privateKey).toMatch(/^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/);
    expect(body.publicKey).toBe(key.publicKey);
    expect(body.roles).toEqual(
      expect.arrayContaining([
        { groupId: p2.id, roleName: 'GROUP_DATA_ACCESS_READ_WRITE' },
        { groupId: p2.id, roleName: 'GROUP_READ_ONLY' },
        { groupId: p1.id, roleName: expect.any(String) },
        { orgId: key.orgId, roleName: 'ORG_MEMBER' },
      ]),
    );
    for (const role of body.roles) expect(Object.keys(role).sort()).toEqual(role.groupId ? ['groupId', 'roleName'] : ['orgId', 'roleName']);
  });

  it('GET lists the project keys in {links, results, totalCount}', async () => {
    const { p1 } = projectKey();
    const caller = consoleKey();
    const answers = await documentedCurl(`${caller.publicKey}:${caller.privateKey}`, 'GET', `${emulator.url}/api/atlas/v1.0/groups/${p1.id}/apiKeys?pretty=true`);
    expect(answers.map((a) => a.status)).toEqual([401, 200]);
    const page = JSON.parse(answers[1]!.body) as PageJson<KeyJson>;
    expect(Object.keys(page).sort()).toEqual(['links', 'results', 'totalCount']);
    expect(page.totalCount).toBe(seed.apiKeys.filter((k) => k.roles.some((r) => r.groupId === p1.id)).length);
    for (const key of page.results) {
      expect(key.privateKey).toMatch(/^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/);
      expect(key.roles.some((r) => r.groupId === p1.id)).toBe(true);
    }
  });

  it('a wrong private key gets two 401s and no change', async () => {
    const { key, p2 } = projectKey();
    const caller = consoleKey();
    const rolesOf = () => emulator.snapshot().apiKeys.find((k) => k.id === key.id)?.roles;
    const before = rolesOf();
    const answers = await documentedCurl(
      `${caller.publicKey}:00000000-0000-0000-0000-000000000000`,
      'DELETE',
      `${emulator.url}/api/atlas/v1.0/groups/${p2.id}/apiKeys/${key.id}`,
    );
    expect(answers.map((a) => a.status)).toEqual([401, 401]);
    expect(rolesOf()).toEqual(before);
  });
});
