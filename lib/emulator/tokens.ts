// Bearer tokens issued to service accounts: random, held in memory, refused once expired.
import { randomBytes } from 'node:crypto';

export class TokenStore {
  /** Insertion order is expiry order (one lifetime for all), which keeps the sweep cheap. */
  readonly #tokens = new Map<string, { clientId: string; expiresAt: number }>();
  readonly #ttlSeconds: number;
  readonly #now: () => number;

  constructor(ttlSeconds: number, now: () => number = Date.now) {
    this.#ttlSeconds = ttlSeconds;
    this.#now = now;
  }

  issue(clientId: string): { token: string; expiresIn: number } {
    this.#sweep();
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { clientId, expiresAt: this.#now() + this.#ttlSeconds * 1000 });
    return { token, expiresIn: this.#ttlSeconds };
  }

  /** The client id a live token was issued to, or undefined for an unknown or expired one. */
  holder(token: string): string | undefined {
    const entry = this.#tokens.get(token);
    if (!entry || entry.expiresAt <= this.#now()) return undefined;
    return entry.clientId;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [token, entry] of this.#tokens) {
      if (entry.expiresAt > now) return;
      this.#tokens.delete(token);
    }
  }
}
