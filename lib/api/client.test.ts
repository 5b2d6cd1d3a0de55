import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, callApi } from './client';

const group = {
  id: 'a'.repeat(24),
  name: 'Payments',
  orgId: 'b'.repeat(24),
  myRoles: ['GROUP_OWNER'],
  roleSources: [{ source: 'project', roleName: 'GROUP_OWNER' }],
  canManageKeys: true,
};
const groupList = { orgId: 'b'.repeat(24), orgName: 'Demo', results: [group], totalCount: 1 };

function answering(body: string | null, status = 200) {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(body, { status, statusText: status === 200 ? 'OK' : 'Not Found' }))));
}

async function failureOf(call: Promise<unknown>): Promise<ApiCallError> {
  const error: unknown = await call.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApiCallError)) throw new Error(`expected an ApiCallError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callApi', () => {
  it('returns the answer as the console sent it', async () => {
    answering(JSON.stringify(groupList));
    await expect(callApi('/api/groups')).resolves.toEqual(groupList);
  });

  it('passes the console’s error shape on as is', async () => {
    const body = { error: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No such project.', reason: 'Not Found' };
    answering(JSON.stringify(body), 404);
    const error = await failureOf(callApi('/api/groups/x/apiKeys'));
    expect(error.body).toEqual(body);
    expect(error.status).toBe(404);
  });

  it('names the status when the error answer is not the error shape', async () => {
    answering('<html>', 404);
    expect((await failureOf(callApi('/api/groups'))).body).toMatchObject({ error: 404, errorCode: 'UNEXPECTED_ANSWER' });
  });

  it('turns a failed connection into NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('fetch failed'))));
    expect((await failureOf(callApi('/api/groups'))).body.errorCode).toBe('NETWORK_ERROR');
  });

  it('reads nothing from an answer it expects none of', async () => {
    answering(null, 204);
    await expect(callApi('/api/groups/x/apiKeys/y', { method: 'DELETE' })).resolves.toBeUndefined();
  });
});
