// Decoded session tokens, so a busy tab's requests do not each pay the key derivation and decryption of its cookie.
import 'server-only';
import { decode, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { processSingleton } from '@/lib/process-singleton';

const limit = 1_000;
interface Known {
  secret: JWTDecodeParams['secret'];
  token: JWT;
}

const decoded = processSingleton('session-tokens', () => new Map<string, Known>());

const expired = (token: JWT, nowSeconds: number) => typeof token.exp !== 'number' || token.exp <= nowSeconds;

/** next-auth's own decode, remembered per token string until the token's expiry. */
export async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const raw = params.token;
  if (!raw) return null;
  const now = Date.now() / 1000;
  const known = decoded.get(raw);
  if (known && known.secret === params.secret && !expired(known.token, now)) return known.token;
  decoded.delete(raw);
  const token = await decode(params);
  if (token && !expired(token, now)) {
    decoded.set(raw, { secret: params.secret, token });
    if (decoded.size > limit) decoded.delete(decoded.keys().next().value!);
  }
  return token;
}
