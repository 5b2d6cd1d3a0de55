// How a request gets the console's credential: Digest (an organization API key) or a bearer token (a service account).
import 'server-only';
import type { Dispatcher } from 'undici';
import { DigestAuthenticator } from './digest';
import type { Authenticator } from './exchange';
import { ServiceAccountAuthenticator } from './oauth';

export type AtlasAuth =
  | { kind: 'digest'; publicKey: string; privateKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; tokenUrl?: string };

export function createAuthenticator(
  auth: AtlasAuth,
  upstream: { origin: string; dispatcher: Dispatcher; connection: () => Dispatcher; timeoutMs: number },
): Authenticator {
  if (auth.kind === 'digest') return new DigestAuthenticator(auth.publicKey, auth.privateKey, { connection: upstream.connection });
  const tokenUrl = new URL(auth.tokenUrl ?? `${upstream.origin}/api/oauth/token`);
  return new ServiceAccountAuthenticator({ ...upstream, tokenUrl, clientId: auth.clientId, clientSecret: auth.clientSecret });
}
