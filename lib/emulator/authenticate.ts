// Who is calling: a Digest-signed API key or a bearer token of a service account — or the 401 challenge that says how to sign.
import type { Answer } from './answer';
import type { DigestAuthority } from './digest';
import { apiError } from './errors';
import type { Principal } from './permissions';
import type { EmulatorState } from './state';
import type { TokenStore } from './tokens';

export interface Credentials {
  state: EmulatorState;
  digest: DigestAuthority;
  tokens: TokenStore;
}

export interface SignedRequest {
  method: string;
  /** The request-target as received. */
  target: string;
  authorization: string | undefined;
  /** Counted as the key's use when its access list admits it. */
  remoteAddress?: string;
}

/** The upstream's challenge: a JSON body in ISO-8859-1 and a fresh nonce, stale=true when only the nonce was wrong. */
function challengeAnswer(digest: DigestAuthority, stale: boolean): Answer {
  return {
    status: 401,
    headers: { 'www-authenticate': digest.challenge(stale), 'content-type': 'application/json;charset=ISO-8859-1' },
    body: JSON.stringify(apiError('USER_UNAUTHORIZED').body),
  };
}

export function authenticate(request: SignedRequest, { state, digest, tokens }: Credentials): { principal: Principal } | { answer: Answer } {
  const header = request.authorization ?? '';
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) {
    const clientId = tokens.holder(bearer[1] ?? '');
    const account = clientId === undefined ? undefined : state.serviceAccount(clientId);
    if (!account) return { answer: challengeAnswer(digest, false) };
    return { principal: { kind: 'serviceAccount', id: account.clientId, roles: () => account.roles } };
  }
  const outcome = digest.verify({ ...request, header }, (publicKey) => state.keyByPublicKey(publicKey)?.privateKey);
  const key = outcome.result === 'ok' ? state.keyByPublicKey(outcome.username) : undefined;
  if (!key) return { answer: challengeAnswer(digest, outcome.result === 'stale') };
  state.recordUse(key, request.remoteAddress);
  return { principal: { kind: 'apiKey', id: key.id, roles: () => key.roles } };
}
