// When a service account's secret counts as expiring, on the project page and in the audit. Apart from the schemas in
// service-accounts.ts so that the pages that show it do not load zod.

/** A secret this close to its end is flagged. */
export const expiringSoonDays = 7;

export function secretState(secret: { expiresAt: string }, now = Date.now()): 'expired' | 'expiring' | 'ok' {
  const left = Date.parse(secret.expiresAt) - now;
  if (left <= 0) return 'expired';
  return left <= expiringSoonDays * 86_400_000 ? 'expiring' : 'ok';
}
