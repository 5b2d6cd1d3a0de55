// The browser's typed calls to the console's HTTP API; every answer is checked against the contract.
import type { z } from 'zod';
import type * as answerSchemas from './answer-schemas';
import type { ApiErrorBody } from './schemas';

/** A schema in answer-schemas.ts, named so the call sites need not import zod to say what they expect. */
export type AnswerName = Exclude<keyof typeof answerSchemas, 'apiErrorBody'>;
export type Answer<N extends AnswerName> = z.infer<(typeof answerSchemas)[N]>;

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

export async function callApi<N extends AnswerName>(path: string, answerName: N, init?: RequestInit): Promise<Answer<N>>;
export async function callApi(path: string, answerName: null, init?: RequestInit): Promise<void>;
export async function callApi(path: string, answerName: AnswerName | null, init?: RequestInit): Promise<unknown> {
  // The schemas load alongside the request rather than after it; the module cache makes later calls free.
  const schemasLoaded = import('./answer-schemas');
  // A failed load is reported below, once the request is answered; until then it must not surface as unhandled.
  schemasLoaded.catch(() => undefined);
  const answer = await send(path, init);
  const text = await answer.text();
  // Their chunk can be gone (the console was updated since the page loaded) while a change went through: say so.
  const schemas = await schemasLoaded.catch(() => {
    throw new ApiCallError({
      error: 0,
      errorCode: 'PAGE_OUTDATED',
      detail: 'This page could not load a part of itself (the console may have been updated). Reload the page to see the current state.',
      reason: 'Page Outdated',
    });
  });
  const json: unknown = text ? safeJson(text) : undefined;
  if (!answer.ok) {
    const parsed = schemas.apiErrorBody.safeParse(json);
    throw new ApiCallError(
      parsed.success
        ? parsed.data
        : { error: answer.status, errorCode: 'UNEXPECTED_ANSWER', detail: `The console answered ${answer.status}.`, reason: answer.statusText },
    );
  }
  if (!answerName) return undefined;
  const parsed = schemas[answerName].safeParse(json);
  if (!parsed.success) {
    throw new ApiCallError({ error: 502, errorCode: 'INVALID_ANSWER', detail: 'The console sent an answer this page does not understand; reload the page.', reason: 'Bad Gateway' });
  }
  return parsed.data;
}

async function send(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(path, {
      ...init,
      headers: init?.body ? { 'Content-Type': 'application/json', ...init.headers } : init?.headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiCallError({ error: 0, errorCode: 'NETWORK_ERROR', detail: 'The console cannot be reached. Check your connection.', reason: 'Network Error' });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
