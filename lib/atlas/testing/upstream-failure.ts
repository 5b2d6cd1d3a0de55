// The UpstreamError a call ends with, for tests that check its kind, status and code; a call that succeeds fails the test.
import 'server-only';
import { expect } from 'vitest';
import { UpstreamError } from '../errors';

export async function upstreamFailure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}
