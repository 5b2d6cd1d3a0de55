// The browser's typed calls to the console's HTTP API; every answer is checked against the contract.
import type { z } from 'zod';
import { apiError, type ApiErrorBody } from './schemas';

/** A failed call, carrying the error shape so the page can show the upstream's `detail` as is. */
export class ApiCallError extends Error {
  override name = 'ApiCallError';

  constructor(readonly body: ApiErrorBody) {
    super(body.detail);
  }

  get status(): number {
    return this.body.error;
  }
}

export async function callApi<T>(path: string, schema: z.ZodType<T> | null, init?: RequestInit): Promise<T> {
  let answer: Response;
  try {
    answer = await fetch(path, {
      ...init,
      headers: init?.body ? { 'Content-Type': 'application/json', ...init.headers } : init?.headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiCallError({ error: 0, errorCode: 'NETWORK_ERROR', detail: 'The console cannot be reached. Check your connection.', reason: 'Network Error' });
  }
  const text = await answer.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!answer.ok) {
    const parsed = apiError.safeParse(json);
    throw new ApiCallError(
      parsed.success
        ? parsed.data
        : { error: answer.status, errorCode: 'UNEXPECTED_ANSWER', detail: `The console answered ${answer.status}.`, reason: answer.statusText },
    );
  }
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiCallError({ error: 502, errorCode: 'INVALID_ANSWER', detail: 'The console sent an answer this page does not understand; reload the page.', reason: 'Bad Gateway' });
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
