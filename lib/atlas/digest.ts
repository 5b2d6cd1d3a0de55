// HTTP Digest (RFC 2617, MD5, qop=auth) that keeps the server's nonces so a warm client signs without a challenge round trip.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { Attempt, Authenticator, RawResponse } from './http';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | undefined;
  stale: boolean;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const authParam = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;

/**
 * The Digest challenge of a WWW-Authenticate header, or undefined when there is none the console can answer
 * (another scheme, an algorithm other than MD5, or no qop=auth, without which a nonce cannot be reused safely).
 */
export function parseDigestChallenge(header: string | string[] | undefined): DigestChallenge | undefined {
  const value = [header ?? []].flat().find((h) => /^\s*digest\s/i.test(h));
  if (!value) return undefined;
  const params = new Map<string, string>();
  for (const [, name = '', quoted, token] of value.replace(/^\s*digest\s/i, '').matchAll(authParam)) {
    params.set(name.toLowerCase(), quoted?.replace(/\\(.)/g, '$1') ?? token ?? '');
  }
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  const algorithm = params.get('algorithm') ?? 'MD5';
  const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
  if (realm === undefined || !nonce || algorithm.toUpperCase() !== 'MD5' || !qops.includes('auth')) return undefined;
  return { realm, nonce, opaque: params.get('opaque'), stale: params.get('stale')?.toLowerCase() === 'true' };
}

export interface DigestInput {
  username: string;
  password: string;
  realm: string;
  nonce: string;
  method: string;
  /** The request-target exactly as sent: path and query. */
  uri: string;
  /** The nonce count, 8 hex digits. */
  nc: string;
  cnonce: string;
}

/** RFC 2617 §3.2.2.1 with qop=auth: MD5(HA1:nonce:nc:cnonce:qop:HA2). */
export function digestResponse(input: DigestInput): string {
  const ha1 = md5(`${input.username}:${input.realm}:${input.password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  return md5(`${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:auth:${ha2}`);
}

const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

export function digestAuthorization(input: DigestInput, opaque: string | undefined): string {
  const fields = [
    `username=${quote(input.username)}`,
    `realm=${quote(input.realm)}`,
    `nonce=${quote(input.nonce)}`,
    `uri=${quote(input.uri)}`,
    'algorithm=MD5',
    'qop=auth',
    `nc=${input.nc}`,
    `cnonce=${quote(input.cnonce)}`,
    `response=${quote(digestResponse(input))}`,
  ];
  if (opaque !== undefined) fields.push(`opaque=${quote(opaque)}`);
  return `Digest ${fields.join(', ')}`;
}

/** A server nonce and how many requests have been signed with it. */
interface Nonce {
  challenge: DigestChallenge;
  count: number;
}

/**
 * One connection to the upstream and the nonce last issued on it. A slot is lent to one request at a time, so the
 * counts of its nonce arrive in order (strict servers such as Apache's `AuthDigestNcCheck On` refuse any other), and
 * its nonce is only ever sent to the node that issued it when a load balancer pins connections to nodes.
 */
interface Slot {
  /** undefined: the transport's shared dispatcher (unit tests). */
  via: Dispatcher | undefined;
  nonce: Nonce | undefined;
}

export interface DigestOptions {
  /** Opens one connection to the upstream for a slot; without it every slot uses the shared dispatcher. */
  connection?: () => Dispatcher;
  /** How many requests may be in flight at once, each with its own connection and nonce; more wait for a slot. */
  slots?: number;
  cnonce?: () => string;
}

/** Client nonces of 8 random bytes, cut from a batch of 4 KiB: one call to the generator per 512 requests, not per request. */
function randomCnonces(): () => string {
  let batch = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at === batch.length) {
      batch = randomBytes(4096);
      at = 0;
    }
    at += 8;
    return batch.toString('hex', at - 8, at);
  };
}

/** As many as the console's former connection pool held; more concurrency than this only queued there. */
const defaultSlots = 32;

const challengeOf = (answer: RawResponse) => (answer.status === 401 ? parseDigestChallenge(answer.headers['www-authenticate']) : undefined);

export class DigestAuthenticator implements Authenticator {
  readonly credential = 'API key';
  // Private fields stay out of util.inspect and JSON.stringify.
  readonly #username: string;
  readonly #password: string;
  readonly #cnonce: () => string;
  readonly #connection: (() => Dispatcher) | undefined;
  readonly #capacity: number;
  #opened = 0;
  /** Slots not lent out, the most recently used last. */
  readonly #idle: Slot[] = [];
  readonly #waiting: ((slot: Slot) => void)[] = [];

  constructor(username: string, password: string, options: DigestOptions = {}) {
    this.#username = username;
    this.#password = password;
    this.#cnonce = options.cnonce ?? randomCnonces();
    this.#connection = options.connection;
    this.#capacity = options.slots ?? defaultSlots;
  }

  async send<R extends RawResponse>(method: string, uri: string, attempt: Attempt<R>): Promise<R> {
    const slot = await this.#acquire();
    // A request that failed on the way keeps its slot's nonce: if the server never counted that nc, a strict one
    // refuses the next and the slot recovers with one fresh challenge, the same price as dropping the nonce now.
    try {
      return await this.#sendOn(slot, method, uri, attempt);
    } finally {
      this.#release(slot);
    }
  }

  /**
   * Signs with the slot's nonce (or, without one, asks unsigned for a challenge). A 401 that carries a challenge
   * refuses that nonce, stale or not: it is dropped and the request is signed once with the fresh nonce, on the same
   * connection. A second challenge is final: the key or secret is wrong, and the client never loops.
   */
  async #sendOn<R extends RawResponse>(slot: Slot, method: string, uri: string, attempt: Attempt<R>): Promise<R> {
    const first = await attempt(slot.nonce && this.#sign(slot.nonce, method, uri), slot.via);
    const challenge = challengeOf(first);
    // Success, or a 401 without a challenge: the request was authenticated (and maybe not authorized), the nonce is good.
    if (!challenge) return first;
    slot.nonce = undefined;
    const fresh: Nonce = { challenge, count: 0 };
    const second = await attempt(this.#sign(fresh, method, uri), slot.via);
    if (!challengeOf(second)) slot.nonce = fresh;
    return second;
  }

  /** An idle slot with a nonce (the most recently used, so a sequential caller keeps one warm), a new slot, or a wait. */
  async #acquire(): Promise<Slot> {
    const warm = this.#idle.findLastIndex((slot) => slot.nonce !== undefined);
    const index = warm >= 0 ? warm : this.#idle.length - 1;
    if (index >= 0) return this.#idle.splice(index, 1)[0] as Slot;
    if (this.#opened < this.#capacity) {
      this.#opened += 1;
      return { via: this.#connection?.(), nonce: undefined };
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else this.#idle.push(slot);
  }

  #sign(nonce: Nonce, method: string, uri: string): string {
    nonce.count += 1;
    const { realm, opaque } = nonce.challenge;
    const input = {
      username: this.#username,
      password: this.#password,
      realm,
      nonce: nonce.challenge.nonce,
      method,
      uri,
      nc: nonce.count.toString(16).padStart(8, '0'),
      cnonce: this.#cnonce(),
    };
    return digestAuthorization(input, opaque);
  }
}
