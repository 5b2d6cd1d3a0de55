// Server-side HTTP Digest as the Admin API does it (MD5, qop=auth, expiring nonces, counts never accepted twice), forgiving or as strict as Apache.
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

export interface DigestStrictness {
  /**
   * `forgiving` (the default, for the demo): each count is accepted once in any order within a window of 1,024, and a
   * count used before or a nonce it does not know gets stale=true. `strict`, as Apache's mod_auth_digest with
   * AuthDigestNcCheck On: a count not above the highest seen for its nonce, or a nonce it never issued (another
   * node's, or one from before a restart), gets stale=false. Only an expired nonce gets stale=true in both.
   */
  counts?: 'forgiving' | 'strict';
  /** Each nonce is retired after this many accepted requests; using it again gets stale=false. */
  maxNonceUses?: number;
}

interface NonceRecord {
  expiresAt: number;
  highest: number;
  /** Counts seen within the window below `highest`. */
  seen: Set<number>;
  uses: number;
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
  readonly #strict: boolean;
  readonly #maxUses: number;
  readonly #now: () => number;

  constructor(ttlMs: number, { counts = 'forgiving', maxNonceUses = Infinity }: DigestStrictness = {}, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#strict = counts === 'strict';
    this.#maxUses = maxNonceUses;
    this.#now = now;
  }

  /** Forgets every nonce, as a restarted server does. */
  forget(): void {
    this.#nonces.clear();
  }

  /** A WWW-Authenticate value with a fresh nonce, in the upstream's exact wording. */
  challenge(stale: boolean): string {
    this.#sweep();
    const nonce = randomBytes(24).toString('base64');
    this.#nonces.set(nonce, { expiresAt: this.#now() + this.#ttlMs, highest: 0, seen: new Set(), uses: 0 });
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
    if (!record) return { result: this.#strict ? 'refused' : 'stale' };
    if (record.expiresAt <= this.#now()) {
      this.#nonces.delete(nonce);
      return { result: 'stale' };
    }
    if (record.uses >= this.#maxUses) return { result: 'refused' };
    // A replayed count is refused (RFC 7616 §3.3); when forgiving, stale=true lets an honest client re-sign at once.
    const count = Number.parseInt(nc, 16);
    const replayed = this.#strict
      ? count <= record.highest
      : count === 0 || record.seen.has(count) || count <= record.highest - reorderWindow;
    if (replayed) return { result: this.#strict ? 'refused' : 'stale' };
    record.uses += 1;
    if (this.#strict) {
      record.highest = count;
      return { result: 'ok', username };
    }
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
