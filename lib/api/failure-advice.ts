// What a failed call means to the person in front of the page: what happened and what they can do, in words.
import { ApiCallError } from './client';

export interface FailureAdvice {
  /** What happened, in one sentence. */
  what: string;
  /** What the person can do about it. */
  todo: string;
  /** The console's or upstream's own sentence, when it adds something to the two above. */
  detail?: string;
}

/** Codes whose detail the console wrote itself for lack of a better one: the advice says it all. */
const bareCodes = new Set(['UNEXPECTED_ANSWER', 'NETWORK_ERROR', 'UNEXPECTED_ERROR']);

function advise(status: number, errorCode: string): Omit<FailureAdvice, 'detail'> {
  if (errorCode === 'NETWORK_ERROR') return { what: 'The console cannot be reached.', todo: 'Check your connection, then try again.' };
  if (errorCode === 'UPSTREAM_UNREACHABLE' || (status === 502 && errorCode === 'UNEXPECTED_ANSWER') || status === 503) {
    return { what: 'The Admin API did not answer the console.', todo: 'Try again in a minute; if it keeps failing, tell the console’s administrator.' };
  }
  if (status === 504) {
    return {
      what: 'The Admin API did not answer in time.',
      todo: 'A change may still have gone through: reload to see the current state before you try again.',
    };
  }
  if (status === 502) {
    return {
      what: 'The Admin API refused or failed the console’s request.',
      todo: 'Try again in a minute; if it keeps failing, show this message to the console’s administrator.',
    };
  }
  if (status === 429) return { what: 'Too many changes in a short time.', todo: 'Wait a minute, then try again.' };
  if (status === 401) return { what: 'Your session has ended.', todo: 'Sign in again.' };
  if (status === 403) return { what: 'You may not do this here.', todo: 'Ask a Project Owner of this project or an Organization Owner.' };
  if (status === 404) return { what: 'This no longer exists, or you no longer have a role in it.', todo: 'Reload the page to see what is there now.' };
  if (status >= 400 && status < 500) return { what: 'The console refused the request.', todo: 'Check what you entered and try again.' };
  return { what: 'The console failed unexpectedly.', todo: 'Try again; if it keeps failing, tell the console’s administrator.' };
}

export function adviceFor(error: Error): FailureAdvice {
  if (!(error instanceof ApiCallError)) return { ...advise(500, 'UNEXPECTED_ERROR'), detail: error.message || undefined };
  const { errorCode, detail } = error.body;
  return { ...advise(error.status, errorCode), detail: bareCodes.has(errorCode) ? undefined : detail };
}
