// When a failed upstream call is tried again: only GETs, only on 429, 5xx or a lost connection, bounded in count and time.
import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError } from './errors';
import type { HttpMethod, RawResponse } from './exchange';

export interface RetryOptions {
  maxAttempts: number;
  maxTotalMs: number;
  baseDelayMs: number;
}

/**
 * `maxTotalMs` is the request's time budget for retries: a person waits this long at most, and a longer Retry-After
 * ends the retries at once, its 429 (with that Retry-After) passed on.
 */
export const defaultRetry: RetryOptions = { maxAttempts: 3, maxTotalMs: 5_000, baseDelayMs: 200 };

/** Retry-After in seconds, as the Admin API sends it; anything else is ignored. */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = [header ?? []].flat()[0]?.trim();
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

/** Exponential backoff with jitter (half fixed, half random), never shorter than what the upstream asked for. */
export function backoffMs(retryNumber: number, baseDelayMs: number, retryAfter: number | undefined, random = Math.random): number {
  const exponential = baseDelayMs * 2 ** (retryNumber - 1);
  return Math.max(retryAfter ?? 0, Math.round(exponential / 2 + (random() * exponential) / 2));
}

function retryAfterOf(outcome: RawResponse | UpstreamError): number | undefined {
  return outcome instanceof UpstreamError ? undefined : retryAfterMs(outcome.headers['retry-after']);
}

function retryable(outcome: RawResponse | UpstreamError): boolean {
  if (outcome instanceof UpstreamError) return outcome.kind === 'network';
  return outcome.status === 429 || outcome.status >= 500;
}

/**
 * Runs `attempt` until it gives an answer worth keeping and returns the last answer (an error status included)
 * or throws the last error. Each attempt gets `timeoutMs`, capped so that retries end within `maxTotalMs`.
 */
export async function withRetries<R extends RawResponse>(
  method: HttpMethod,
  policy: RetryOptions & { timeoutMs: number },
  attempt: (timeoutMs: number) => Promise<R>,
): Promise<R> {
  // A write that failed may still have happened upstream, so it is never sent twice.
  if (method !== 'GET') return attempt(policy.timeoutMs);
  const deadline = Date.now() + policy.maxTotalMs;
  let timeoutMs = policy.timeoutMs;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    let outcome: R | UpstreamError;
    try {
      outcome = await attempt(timeoutMs);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      outcome = error;
    }
    const wait = retryable(outcome) && attemptNumber < policy.maxAttempts ? backoffMs(attemptNumber, policy.baseDelayMs, retryAfterOf(outcome)) : undefined;
    const remaining = deadline - Date.now() - (wait ?? 0);
    if (wait === undefined || remaining <= 0) {
      if (outcome instanceof UpstreamError) throw outcome;
      return outcome;
    }
    await sleep(wait);
    timeoutMs = Math.min(policy.timeoutMs, remaining);
  }
}
