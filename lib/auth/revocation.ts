// Signed-out sessions, kept in the change-history database so that a copied cookie stops working on every instance.
import 'server-only';
import { consoleError } from '@/lib/console-errors';
import { processSingleton } from '@/lib/process-singleton';
import { getChangeStore } from '@/lib/services';
import { TtlCache } from './ttl-cache';

/** Another instance's sign-out reaches this one within this time; a busy tab costs one query per session per period. */
const checkedForMs = 5_000;

const { checked, revokedHere } = processSingleton('session-revocations', () => ({
  checked: new TtlCache<boolean>(checkedForMs, 10_000),
  // This instance's own sign-outs hold at once, whatever `checked` still remembers.
  revokedHere: new Map<string, number>(),
}));

export async function revokeSession(sessionId: string, expiresAtSeconds: number): Promise<void> {
  revokedHere.set(sessionId, expiresAtSeconds);
  const now = Date.now() / 1000;
  for (const [id, expiresAt] of revokedHere) if (expiresAt <= now) revokedHere.delete(id);
  await (await getChangeStore()).revokeSession(sessionId, new Date(expiresAtSeconds * 1000));
}

/** Fails closed: when the database cannot say, the request is refused with 503 rather than let through. */
export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  if (revokedHere.has(sessionId)) return true;
  try {
    return await checked.get(sessionId, async () => (await getChangeStore()).isSessionRevoked(sessionId));
  } catch {
    throw consoleError('SESSION_CHECK_FAILED');
  }
}
