import { describe, expect, it } from 'vitest';
import { answerError, readAnswer, type AnswerContext } from './answer';
import { UpstreamError } from './errors';

const context: AnswerContext = { what: 'GET /groups/0123456789abcdef01234567/apiKeys', credential: 'API key', scope: 'project' };
const answer = (status: number, text = '', headers: Record<string, string> = {}) => ({ status, headers, text });

describe('readAnswer', () => {
  it('parses JSON and treats an empty body as no answer', () => {
    expect(readAnswer(answer(200, '{"a":1}'), context)).toEqual({ a: 1 });
    expect(readAnswer(answer(204), context)).toBeUndefined();
    expect(readAnswer(answer(200, '  '), context)).toBeUndefined();
  });

  it('turns malformed JSON into an invalid-response error', () => {
    expect(() => readAnswer(answer(200, '{"results": [1, 2'), context)).toThrow(
      expect.objectContaining({ kind: 'invalid-response', status: 502, errorCode: 'INVALID_UPSTREAM_RESPONSE' }),
    );
  });
});

describe('answerError', () => {
  it('keeps the upstream status, errorCode and detail', () => {
    const error = answerError(answer(404, '{"error":404,"errorCode":"GROUP_NOT_FOUND","detail":"No group with ID x exists.","reason":"Not Found","parameters":["x"]}'), context);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'upstream', status: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No group with ID x exists.', reason: 'Not Found' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ error: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No group with ID x exists.', reason: 'Not Found' });
  });

  it('fills in what a bodiless or odd answer leaves out', () => {
    expect(answerError(answer(503, '<html>busy</html>'), context)).toMatchObject({
      kind: 'upstream',
      status: 503,
      errorCode: 'SERVICE_UNAVAILABLE',
      reason: 'Service Unavailable',
      detail: `The Admin API answered ${context.what} with 503 Service Unavailable.`,
    });
  });

  it("reads a 401 after authentication as the console's credential lacking a role, in the call's scope", () => {
    const body = '{"error":401,"errorCode":"NOT_IN_GROUP","detail":"Current user is not in the group, or the group does not exist.","reason":"Unauthorized"}';
    expect(answerError(answer(401, body), context)).toMatchObject({
      kind: 'credential',
      status: 401,
      errorCode: 'NOT_IN_GROUP',
      detail: "The console's API key lacks the Project Owner or Organization Owner role needed for this project.",
    });
    expect(answerError(answer(401, '{"errorCode":"NOT_API_KEY_ADMIN"}'), { ...context, scope: 'organization', credential: 'service account' })).toMatchObject({
      kind: 'credential',
      detail: "The console's service account lacks the Organization Owner role needed for this organization.",
    });
  });

  it('reads a 401 that challenges again as the credential being refused', () => {
    const error = answerError(answer(401, '{"errorCode":"USER_UNAUTHORIZED"}', { 'www-authenticate': 'Digest realm="MMS Public API", nonce="n", qop="auth"' }), context);
    expect(error).toMatchObject({ kind: 'credential', errorCode: 'USER_UNAUTHORIZED' });
    expect(error.detail).toContain("rejected the console's API key");
    expect(error.detail).not.toMatch(/sign|session|log ?in/i);
  });

  it("reads an access-list 403 as the console's credential, other 403s as they are", () => {
    expect(answerError(answer(403, '{"errorCode":"IP_ADDRESS_NOT_ON_ACCESS_LIST"}'), context)).toMatchObject({ kind: 'credential', status: 403 });
    expect(answerError(answer(403, '{"errorCode":"SOMETHING_ELSE","detail":"No."}'), context)).toMatchObject({ kind: 'upstream', detail: 'No.' });
  });
});
