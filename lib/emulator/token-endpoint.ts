// POST /api/oauth/token: OAuth 2 client credentials for service accounts, answered with a bearer token or an OAuth-style error.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Answer } from './answer';
import type { EmulatorState } from './state';
import type { TokenStore } from './tokens';

export const tokenPath = '/api/oauth/token';

export interface TokenRequest {
  authorization: string | undefined;
  body: string;
}

/** OAuth errors have their own shape (RFC 6749 §5.2), not the Admin API's. */
function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify({ error, error_description: description }),
  };
}

const sameText = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The id and secret of HTTP Basic, each form-decoded as RFC 6749 §2.3.1 asks. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

const tokenForm = z.object({ grant_type: z.literal('client_credentials') });

/** A secret counts until it expires or is deleted; every one is compared, so the time taken does not tell which matched. */
export function answerTokenRequest(request: TokenRequest, state: EmulatorState, tokens: TokenStore, now = Date.now()): Answer {
  const credentials = basicCredentials(request.authorization);
  const account = credentials && state.serviceAccount(credentials.clientId);
  const matching = account?.secrets.filter((s) => sameText(s.secret, credentials?.clientSecret ?? '')) ?? [];
  const secret = matching.find((s) => Date.parse(s.expiresAt) > now);
  if (!credentials || !account || !secret) {
    return oauthError(401, 'invalid_client', 'Invalid client credentials.', { 'www-authenticate': 'Basic realm="MMS Public API"' });
  }
  if (!tokenForm.safeParse(Object.fromEntries(new URLSearchParams(request.body))).success) {
    return oauthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
  }
  state.recordSecretUse(secret, now);
  const { token, expiresIn } = tokens.issue(account.clientId);
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }),
  };
}
