// A test-only Digest client for the emulator: answers the challenge once, then reuses the nonce with a growing nc.
import { createHash, randomBytes } from 'node:crypto';

export interface DigestCredentials {
  publicKey: string;
  privateKey: string;
}

export interface Challenge {
  realm: string;
  nonce: string;
  stale: boolean;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header || !/^digest\s/i.test(header)) return undefined;
  const param = (name: string) => new RegExp(`${name}=(?:"([^"]*)"|([^\\s,]*))`, 'i').exec(header)?.slice(1).find((v) => v !== undefined);
  const [realm, nonce] = [param('realm'), param('nonce')];
  if (realm === undefined || !nonce) return undefined;
  return { realm, nonce, stale: param('stale')?.toLowerCase() === 'true' };
}

/** The Authorization value for one request; `uri` is the request-target (path and query). */
export function digestAuthorization(credentials: DigestCredentials, challenge: Challenge, method: string, uri: string, nc: number): string {
  const count = nc.toString(16).padStart(8, '0');
  const cnonce = randomBytes(8).toString('hex');
  const ha1 = md5(`${credentials.publicKey}:${challenge.realm}:${credentials.privateKey}`);
  const ha2 = md5(`${method}:${uri}`);
  const response = md5(`${ha1}:${challenge.nonce}:${count}:${cnonce}:auth:${ha2}`);
  return (
    `Digest username="${credentials.publicKey}", realm="${challenge.realm}", nonce="${challenge.nonce}", uri="${uri}", ` +
    `algorithm=MD5, qop=auth, nc=${count}, cnonce="${cnonce}", response="${response}"`
  );
}

const targetOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

export class DigestClient {
  readonly credentials: DigestCredentials;
  challenge: Challenge | undefined;
  count = 0;

  constructor(credentials: DigestCredentials) {
    this.credentials = credentials;
  }

  /** Signs with the remembered nonce and the next nc; undefined before the first challenge. */
  authorization(method: string, url: string): string | undefined {
    if (!this.challenge) return undefined;
    this.count += 1;
    return digestAuthorization(this.credentials, this.challenge, method, targetOf(url), this.count);
  }

  /** Like fetch; a 401 challenge (first call, or stale nonce) is answered once. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    const send = (authorization: string | undefined) =>
      fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...(authorization ? { authorization } : {}) } });
    const signed = this.authorization(method, url);
    const first = await send(signed);
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get('www-authenticate'));
    // Signed and refused without stale=true: the credentials are wrong, retrying cannot help.
    if (!challenge || (signed && !challenge.stale)) return first;
    await first.arrayBuffer();
    this.challenge = challenge;
    this.count = 0;
    return send(this.authorization(method, url));
  }
}
