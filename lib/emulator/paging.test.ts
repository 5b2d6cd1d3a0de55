// Paging on a large generated organization (1,100 keys × 40 projects): pages, links, counts and bad parameters, on every surface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seed } from './seed';
import { generateSeed } from './seeds/generate';
import { startEmulator, type RunningEmulator } from './server';
import { surfaceClient, testSurfaces, type CallApi, type ErrorJson, type KeyJson, type PageJson } from './testing/surface-client';

let emulator: RunningEmulator;
let seed: Seed;
beforeAll(async () => {
  seed = generateSeed({ keys: 1100, projects: 40 });
  emulator = await startEmulator({ seed });
});
afterAll(() => emulator.close());

const rels = (page: PageJson<unknown>) => page.links.map((l) => l.rel);

describe.each(testSurfaces)('paging on $name', (surface) => {
  let api: CallApi;
  let orgId: string;
  beforeAll(() => {
    const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey)!;
    api = surfaceClient(emulator.url, surface, consoleKey);
    orgId = consoleKey.orgId;
  });

  it('serves 1,100 org keys as pages of 500, 500 and 100 with self, next and previous links', async () => {
    const path = `/orgs/${orgId}/apiKeys?itemsPerPage=500`;
    const pages = await Promise.all([1, 2, 3].map((n) => api<PageJson<KeyJson>>('GET', `${path}&pageNum=${n}`)));
    expect(pages.map((p) => p.body.results.length)).toEqual([500, 500, 100]);
    expect(pages.map((p) => p.body.totalCount)).toEqual([1100, 1100, 1100]);
    expect(pages.map((p) => rels(p.body))).toEqual([['self', 'next'], ['self', 'previous', 'next'], ['self', 'previous']]);
    const href = (pageNum: number) => `${emulator.url}${surface.prefix}/orgs/${orgId}/apiKeys?itemsPerPage=500&pageNum=${pageNum}`;
    expect(pages[1]?.body.links).toEqual([
      { href: href(2), rel: 'self' },
      { href: href(1), rel: 'previous' },
      { href: href(3), rel: 'next' },
    ]);
    const ids = pages.flatMap((p) => p.body.results.map((k) => k.id));
    expect(new Set(ids).size).toBe(1100);
    expect(ids).toEqual(seed.apiKeys.map((k) => k.id));
  });

  it('following the next links from the first page gathers a whole project list', async () => {
    const groupId = seed.projects[0]!.id;
    const expected = seed.apiKeys.filter((k) => k.roles.some((r) => r.groupId === groupId)).map((k) => k.id);
    const gathered: string[] = [];
    let path: string | undefined = `/groups/${groupId}/apiKeys?itemsPerPage=200`;
    while (path) {
      const answer: { body: PageJson<KeyJson> } = await api<PageJson<KeyJson>>('GET', path);
      gathered.push(...answer.body.results.map((k) => k.id));
      const next = answer.body.links.find((l) => l.rel === 'next')?.href;
      path = next?.slice(`${emulator.url}${surface.prefix}`.length);
    }
    expect(expected.length).toBeGreaterThan(400);
    expect(gathered).toEqual(expected);
  });

  it('defaults to 100 items on page 1, and answers an empty page past the end', async () => {
    const first = await api<PageJson<KeyJson>>('GET', `/orgs/${orgId}/apiKeys`);
    expect(first.body.results).toHaveLength(100);
    expect(first.body.links[0]?.href).toContain('pageNum=1&itemsPerPage=100');
    const past = await api<PageJson<KeyJson>>('GET', `/orgs/${orgId}/apiKeys?pageNum=12`);
    expect(past.body).toMatchObject({ results: [], totalCount: 1100 });
    expect(rels(past.body)).toEqual(['self', 'previous']);
  });

  it('includeCount=false leaves totalCount out', async () => {
    const answer = await api<PageJson<KeyJson>>('GET', `/orgs/${orgId}/apiKeys?includeCount=false&itemsPerPage=5`);
    expect(answer.body.totalCount).toBeUndefined();
    expect(answer.body.results).toHaveLength(5);
    expect(rels(answer.body)).toEqual(['self', 'next']);
  });

  it.each(['itemsPerPage=0', 'itemsPerPage=501', 'itemsPerPage=ten', 'pageNum=0', 'pageNum=-1', 'includeCount=maybe'])(
    'refuses %s with 400 VALIDATION_ERROR',
    async (query) => {
      const answer = await api<ErrorJson>('GET', `/orgs/${orgId}/apiKeys?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.errorCode).toBe('VALIDATION_ERROR');
    },
  );

  it('pages every list, projects and users included', async () => {
    const projects = await api<PageJson<unknown>>('GET', `/orgs/${orgId}/groups?itemsPerPage=15&pageNum=3`);
    expect(projects.body).toMatchObject({ totalCount: 40 });
    expect(projects.body.results).toHaveLength(10);
    const users = await api<PageJson<unknown>>('GET', `/orgs/${orgId}/users?itemsPerPage=2&pageNum=3`);
    expect(users.body).toMatchObject({ totalCount: 5 });
    expect(users.body.results).toHaveLength(1);
  });
});
