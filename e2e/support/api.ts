// Signed-in HTTP clients for the console's API, and the emulator's test controls with what the specs read from its state.
import { expect, request, type APIRequestContext } from '@playwright/test';
import type { Seed } from '@/lib/emulator/seed';
import { emulatorControls } from '@/lib/emulator/testing/control-client';
import { e2eConsole } from './servers';

export type DemoPersonKey = 'owner' | 'useradmin' | 'reader' | 'orgowner' | 'member' | 'teamowner' | 'invited';
export const demoEmail = (who: DemoPersonKey) => `${who}@demo.test`;

/** Signs in through next-auth's own demo callback, as the sign-in page does; writes carry the console's Origin as a page's do. */
export async function signedInApi(who: DemoPersonKey): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: e2eConsole.url, extraHTTPHeaders: { Origin: e2eConsole.url } });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const answer = await api.post('/api/auth/callback/demo', {
    form: { csrfToken, email: demoEmail(who), json: 'true' },
    maxRedirects: 0,
  });
  expect(answer.status()).toBeLessThan(400);
  const cookies = (await api.storageState()).cookies.map((c) => c.name);
  expect(cookies).toContain('next-auth.session-token');
  return api;
}

export async function anonymousApi(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: e2eConsole.url });
}

/** The end-to-end console's emulator, through its test controls. */
export const e2eEmulator = emulatorControls(e2eConsole.emulatorUrl);

/** The path of a project's key list in every API surface the emulator serves, for faults. */
export const projectKeysPath = (groupId: string) => `/groups/${groupId}/apiKeys$`;

/** The demo projects by their relation to owner@demo.test: P1 owner, P2 read-only, P3 no role. */
export async function demoProjects() {
  const state = await e2eEmulator.state();
  const owner = state.users.find((u) => u.emailAddress === demoEmail('owner'));
  const roleIn = (groupId: string) => owner?.roles.find((r) => r.groupId === groupId)?.roleName;
  const p1 = state.projects.find((p) => roleIn(p.id) === 'GROUP_OWNER');
  const p2 = state.projects.find((p) => roleIn(p.id) === 'GROUP_READ_ONLY');
  const p3 = state.projects.find((p) => !roleIn(p.id));
  if (!p1 || !p2 || !p3) throw new Error('the demo seed lacks the projects the tests rely on');
  return { state, p1, p2, p3, orgId: state.orgs[0]!.id };
}

export function rolesIn(state: Seed, apiKeyId: string, groupId: string): string[] {
  const key = state.apiKeys.find((k) => k.id === apiKeyId);
  return (key?.roles ?? []).filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();
}
