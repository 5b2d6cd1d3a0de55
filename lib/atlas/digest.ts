// HTTP Digest (RFC 2617, MD5, qop=auth) that keeps the server's nonce so a warm client signs without a challenge round trip.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Attempt, Authenticator } from './authenticator';
import type { RawResponse } from './exchange';

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

export class DigestAuthenticator implements Authenticator {
  readonly credential = 'API key';
  // Private fields stay out of util.inspect and JSON.stringify.
  readonly #username: string;
  readonly #password: string;
  readonly #cnonce: () => string;
  /** The nonce every request signs with, each taking the next count. */
  #shared: Nonce | undefined;
  /** While a cold client's first request obtains a nonce, the others wait for it instead of each asking for one. */
  #probe: Promise<void> | undefined;

  constructor(username: string, password: string, cnonce: () => string = () => randomBytes(8).toString('hex')) {
    this.#username = username;
    this.#password = password;
    this.#cnonce = cnonce;
  }

  async send(method: string, uri: string, attempt: Attempt): Promise<RawResponse> {
    if (!this.#shared && this.#probe) await this.#probe;
    const shared = this.#shared;
    if (!shared) return this.#sendCold(method, uri, attempt);
    const answer = await attempt(this.#sign(shared, method, uri));
    if (answer.status !== 401) return answer;
    const challenge = parseDigestChallenge(answer.headers['www-authenticate']);
    // Only a nonce that expired (or whose count was overtaken by a concurrent request's) earns a second try.
    return challenge?.stale ? this.#sendWithOwnNonce(challenge, method, uri, attempt) : answer;
  }

  async #sendCold(method: string, uri: string, attempt: Attempt): Promise<RawResponse> {
    const probe = attempt(undefined).then((answer) => {
      const challenge = answer.status === 401 ? parseDigestChallenge(answer.headers['www-authenticate']) : undefined;
      return challenge ? this.#sendWithOwnNonce(challenge, method, uri, attempt) : answer;
    });
    const settled = probe.then(
      () => undefined,
      () => undefined,
    );
    this.#probe = settled;
    try {
      return await probe;
    } finally {
      if (this.#probe === settled) this.#probe = undefined;
    }
  }

  /**
   * Signs with a fresh nonce that no other request uses until this one has been answered, so its count cannot be
   * overtaken; a 401 now is final. Afterwards it becomes the shared nonce.
   */
  async #sendWithOwnNonce(challenge: DigestChallenge, method: string, uri: string, attempt: Attempt): Promise<RawResponse> {
    const nonce: Nonce = { challenge, count: 0 };
    const answer = await attempt(this.#sign(nonce, method, uri));
    if (answer.status !== 401) this.#shared = nonce;
    return answer;
  }

  /** Synchronous, so concurrent requests each take their own count. */
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
