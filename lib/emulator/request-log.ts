// The log of requests to the API (not to the test controls) that tests read to count round trips and challenges.
export interface LoggedRequest {
  method: string;
  /** Without the query. */
  path: string;
  query: Record<string, string>;
  /** 0 when a fault dropped the connection without an answer. */
  status: number;
  /** The scheme of the Authorization header as sent, whether or not it was accepted. */
  auth: 'digest' | 'bearer' | 'basic' | 'none';
  /** Answered with a 401 Digest challenge. */
  challenged: boolean;
  /** ISO 8601. */
  at: string;
  /** Which node answered (see the emulator's `nodes` option); 0 with one node. */
  node: number;
}

/** Enough for any test; older entries go first so a long benchmark run does not grow without bound. */
const capacity = 10_000;

export function authScheme(authorization: string | undefined): LoggedRequest['auth'] {
  const scheme = /^\s*(\w+)/.exec(authorization ?? '')?.[1]?.toLowerCase();
  return scheme === 'digest' || scheme === 'bearer' || scheme === 'basic' ? scheme : 'none';
}

export class RequestLog {
  #entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.#entries.push(entry);
    if (this.#entries.length > capacity) this.#entries.splice(0, this.#entries.length - capacity);
  }

  list(): readonly LoggedRequest[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries = [];
  }
}
