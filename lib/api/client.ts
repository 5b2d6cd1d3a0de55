// The browser's calls to the console's HTTP API. Its answers are the console's own and typed by its contract, so they
// are not checked again here (types only: zod stays off the browser's bundle); only the error shape is, as a proxy in
// front of the console can answer a failure with a page of its own.
import type { ApiErrorBody } from './schemas';

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

/** `Answer` is what the route answers with, `void` for an answer without a body. */
export async function callApi<Answer = void>(path: string, init?: RequestInit): Promise<Answer> {
  const answer = await send(path, init);
  const text = await answer.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!answer.ok) {
    throw new ApiCallError(
      isErrorBody(json)
        ? json
        : { error: answer.status, errorCode: 'UNEXPECTED_ANSWER', detail: `The console answered ${answer.status}.`, reason: answer.statusText },
    );
  }
  return json as Answer;
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

function isErrorBody(json: unknown): json is ApiErrorBody {
  if (typeof json !== 'object' || json === null) return false;
  const { error, errorCode, detail, reason } = json as Record<string, unknown>;
  return Number.isInteger(error) && typeof errorCode === 'string' && typeof detail === 'string' && typeof reason === 'string';
}
