// Server-side HTTP Digest as the Admin API does it: MD5, qop=auth, expiring nonces and nonce counts never accepted twice.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const realm = 'MMS Public API';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const authParam = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;

/** The parameters of a `Digest …` Authorization header, names in lower case; undefined for another scheme. */
function parseDigestAuthorization(header: string): Map<string, string> | undefined {
  const match = /^\s*digest\s+/i.exec(header);
  if (!match) return undefined;
  const params = new Map<string, string>();
  for (const [, name = '', quoted, token] of header.slice(match[0].length).matchAll(authParam)) {
    params.set(name.toLowerCase(), quoted?.replace(/\\(.)/g, '$1') ?? token ?? '');
  }
  return params;
}

export type DigestOutcome =
  | { result: 'ok'; username: string }
  /** The signature is right but the nonce expired, is unknown, or its count was used before: sign again with a fresh nonce. */
  | { result: 'stale' }
  /** Wrong secret, unknown user, malformed header: no retry will help. */
  | { result: 'refused' };

/** Requests sent concurrently on several connections arrive out of order; counts this far below the highest still count. */
const reorderWindow = 1024;

interface NonceRecord {
  expiresAt: number;
  highest: number;
  /** Counts seen within the window below `highest`. */
  seen: Set<number>;
}

export interface DigestRequest {
  header: string;
  method: string;
  /** The request-target exactly as received, which is what the client hashed. */
  target: string;
}

export class DigestAuthority {
  readonly #nonces = new Map<string, NonceRecord>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** A WWW-Authenticate value with a fresh nonce, in the upstream's exact wording. */
  challenge(stale: boolean): string {
    this.#sweep();
    const nonce = randomBytes(24).toString('base64');
    this.#nonces.set(nonce, { expiresAt: this.#now() + this.#ttlMs, highest: 0, seen: new Set() });
    return `Digest realm="${realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=${stale}`;
  }

  verify(request: DigestRequest, passwordOf: (username: string) => string | undefined): DigestOutcome {
    const params = parseDigestAuthorization(request.header);
    const get = (name: string) => params?.get(name) ?? '';
    const [username, nonce, uri, response, nc, cnonce] = ['username', 'nonce', 'uri', 'response', 'nc', 'cnonce'].map(get);
    const wellFormed =
      params !== undefined &&
      get('realm') === realm &&
      get('qop') === 'auth' &&
      /^(md5)?$/i.test(get('algorithm')) &&
      /^[0-9a-f]{8}$/i.test(nc ?? '') &&
      Boolean(username && nonce && cnonce && response) &&
      uri === request.target;
    const password = wellFormed && username ? passwordOf(username) : undefined;
    if (password === undefined || !username || !nonce || !nc) return { result: 'refused' };

    const ha1 = md5(`${username}:${realm}:${password}`);
    const ha2 = md5(`${request.method}:${uri}`);
    const expected = Buffer.from(md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`));
    const given = Buffer.from(response?.toLowerCase() ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { result: 'refused' };

    const record = this.#nonces.get(nonce);
    if (!record || record.expiresAt <= this.#now()) {
      this.#nonces.delete(nonce);
      return { result: 'stale' };
    }
    // A replayed count is refused (RFC 7616 §3.3); stale=true lets an honest client re-sign at once with a new nonce.
    const count = Number.parseInt(nc, 16);
    if (count === 0 || record.seen.has(count) || count <= record.highest - reorderWindow) return { result: 'stale' };
    record.seen.add(count);
    if (count > record.highest) {
      record.highest = count;
      for (const old of record.seen) if (old <= count - reorderWindow) record.seen.delete(old);
    }
    return { result: 'ok', username };
  }

  /** Forgets expired nonces; they were inserted in expiry order, so the sweep stops at the first live one. */
  #sweep(): void {
    const now = this.#now();
    for (const [nonce, record] of this.#nonces) {
      if (record.expiresAt > now) return;
      this.#nonces.delete(nonce);
    }
  }
}
