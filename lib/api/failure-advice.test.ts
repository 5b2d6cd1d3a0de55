import { describe, expect, it } from 'vitest';
import { ApiCallError } from './client';
import { adviceFor } from './failure-advice';

const failure = (error: number, errorCode: string, detail: string) => new ApiCallError({ error, errorCode, detail, reason: '' });

describe('adviceFor', () => {
  it('turns a bare 502 into what happened and what to do, without the bare status', () => {
    const advice = adviceFor(failure(502, 'UNEXPECTED_ANSWER', 'The console answered 502.'));
    expect(advice.what).toBe('The Admin API did not answer the console.');
    expect(advice.todo).toMatch(/try again/i);
    expect(advice.detail).toBeUndefined();
  });

  it('keeps the upstream’s own sentence beside the advice', () => {
    const detail = 'The console’s API key lacks the Project Owner or Organization Owner role needed for this project.';
    expect(adviceFor(failure(502, 'USER_UNAUTHORIZED', detail))).toEqual({
      what: 'The Admin API refused or failed the console’s request.',
      todo: expect.stringContaining('administrator'),
      detail,
    });
  });

  it('warns after a timeout that a change may have gone through', () => {
    expect(adviceFor(failure(504, 'UPSTREAM_TIMEOUT', 'No answer within 10 seconds.')).todo).toMatch(/may still have gone through/);
  });

  it('says what the person can do for their own failures', () => {
    expect(adviceFor(failure(0, 'NETWORK_ERROR', 'x')).what).toBe('The console cannot be reached.');
    expect(adviceFor(failure(429, 'TOO_MANY_CHANGES', 'x')).todo).toBe('Wait a minute, then try again.');
    expect(adviceFor(failure(403, 'FORBIDDEN', 'x')).todo).toMatch(/Project Owner/);
    expect(adviceFor(new Error('boom')).what).toBe('The console failed unexpectedly.');
  });
});
