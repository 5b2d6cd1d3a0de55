// Service-account bearer tokens (OAuth 2 client credentials): fetched once for everyone, reused until shortly before they expire.
import 'server-only';
import type { Dispatcher } from 'undici';
import { credentialError } from './errors';
import { answerError, exchange, readAnswer, type AnswerContext, type Attempt, type Authenticator, type RawResponse } from './http';
import { parseWire, wireToken } from './wire';

/** A token is renewed this long before it expires, so no request carries one that dies on the way. */
const renewBeforeMs = 60_000;

interface Token {
  value: string;
  renewAt: number;
}

export interface ServiceAccountOptions {
  tokenUrl: URL;
  clientId: string;
  clientSecret: string;
  dispatcher: Dispatcher;
  timeoutMs: number;
  now?: () => number;
}

export class ServiceAccountAuthenticator implements Authenticator {
  readonly credential = 'service account';
  // Private fields stay out of util.inspect and JSON.stringify.
  readonly #options: ServiceAccountOptions;
  readonly #now: () => number;
  #token: Token | undefined;
  #pending: Promise<string> | undefined;

  constructor(options: ServiceAccountOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async send<R extends RawResponse>(_method: string, _uri: string, attempt: Attempt<R>): Promise<R> {
    const token = await this.token();
    const answer = await attempt(`Bearer ${token}`);
    if (answer.status !== 401) return answer;
    // The token may have been revoked or expired early: one fresh token, one more try, then the 401 stands.
    if (this.#token?.value === token) this.#token = undefined;
    return attempt(`Bearer ${await this.token()}`);
  }

  /** The current token; concurrent callers share one token request. */
  token(): Promise<string> {
    if (this.#token && this.#token.renewAt > this.#now()) return Promise.resolve(this.#token.value);
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, dispatcher, timeoutMs } = this.#options;
    // RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined.
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    const answer = await exchange(
      dispatcher,
      {
        method: 'POST',
        url: tokenUrl,
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: 'grant_type=client_credentials',
      },
      timeoutMs,
    );
    const context: AnswerContext = { what: `POST ${tokenUrl.pathname}`, credential: this.credential, scope: 'organization' };
    // The token endpoint answers a wrong id or secret with 400 (invalid_client) or 401; either way the account was refused.
    if (answer.status === 400 || answer.status === 401) {
      const { status, errorCode, reason } = answerError(answer, context);
      throw credentialError({ status, errorCode, reason }, this.credential, 'rejected', 'organization');
    }
    const token = parseWire(wireToken, readAnswer(answer, context), context.what);
    const lifetimeMs = token.expires_in * 1000;
    // Short-lived tokens (as in tests) are renewed at half their life rather than never reused.
    this.#token = { value: token.access_token, renewAt: this.#now() + lifetimeMs - Math.min(renewBeforeMs, lifetimeMs / 2) };
    return token.access_token;
  }
}
