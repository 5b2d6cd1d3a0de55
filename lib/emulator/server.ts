// startEmulator: the Admin API emulator as a plain node:http server over one state, with its test controls.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { errorAnswer, plainJson } from './answer';
import { answerApi, type ApiDependencies } from './api';
import { answerControl, controlPrefix, type Controls } from './control';
import { DigestAuthority } from './digest';
import { apiError } from './errors';
import { faultAnswer, Faults } from './faults';
import { readBody, send } from './http-io';
import { writeFileAtomic } from './persist';
import { generousRateLimit, TokenBuckets, type RateLimit } from './rate-limit';
import { authScheme, RequestLog, type LoggedRequest } from './request-log';
import { seedSchema, type Seed } from './seed';
import { EmulatorState } from './state';
import { surfaceOf } from './surfaces';
import { answerTokenRequest, tokenPath } from './token-endpoint';
import { TokenStore } from './tokens';

export interface EmulatorOptions {
  /** The starting state; `POST /__emulator/reset` returns to it. */
  seed: Seed;
  host?: string;
  /** 0 = an ephemeral port. */
  port?: number;
  /** Every change is written here atomically before it is acknowledged; the seed is written at start. */
  dataFile?: string;
  /** Added to every answer except the test controls'. */
  latencyMs?: number;
  nonceTtlMs?: number;
  tokenTtlSeconds?: number;
  /** Per calling credential; generous by default. */
  rateLimit?: RateLimit;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** A deep copy of the current state. */
  snapshot(): Seed;
}

/** The Host the client used, so links point where it can follow them; anything odd falls back to the emulator's own. */
function origin(hostHeader: string | undefined, fallback: string): string {
  return hostHeader && /^[A-Za-z0-9.\-:[\]]+$/.test(hostHeader) ? `http://${hostHeader}` : fallback;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const { host = '127.0.0.1', port = 0, dataFile, latencyMs = 0, nonceTtlMs = 300_000, tokenTtlSeconds = 3600 } = options;
  const parsed = seedSchema.safeParse(options.seed);
  if (!parsed.success) throw new Error(`invalid seed: ${z.prettifyError(parsed.error)}`);
  const seed = parsed.data;

  const state = new EmulatorState(seed, dataFile ? (data) => writeFileAtomic(dataFile, JSON.stringify(data, null, 2)) : () => {});
  const dependencies: ApiDependencies = {
    state,
    digest: new DigestAuthority(nonceTtlMs),
    tokens: new TokenStore(tokenTtlSeconds),
    buckets: new TokenBuckets(options.rateLimit ?? generousRateLimit),
  };
  const log = new RequestLog();
  const faults = new Faults();
  const controls: Controls = {
    state,
    log,
    faults,
    reset() {
      state.reset(seed);
      log.clear();
      faults.clear();
      dependencies.buckets.clear();
    },
  };
  let closing: Promise<void> | undefined;
  let baseUrl = '';

  function answerRequest(method: string, target: string, url: URL, req: IncomingMessage, body: string) {
    if (url.pathname === tokenPath && method === 'POST') {
      return { answer: answerTokenRequest({ authorization: req.headers.authorization, body }, state, dependencies.tokens), challenged: false };
    }
    const match = surfaceOf(url.pathname);
    if (!match) return { answer: errorAnswer(apiError('RESOURCE_NOT_FOUND', url.pathname), plainJson), challenged: false };
    const request = {
      method,
      target,
      url,
      authorization: req.headers.authorization,
      accept: req.headers.accept,
      body,
      remoteAddress: req.socket.remoteAddress,
    };
    return answerApi(request, match, dependencies);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    // Concatenated, not resolved: a target such as `//elsewhere/x` must stay a path of this host.
    const url = new URL(`${origin(req.headers.host, baseUrl)}${target.startsWith('/') ? target : '/'}`);
    const body = await readBody(req);
    if (url.pathname.startsWith(controlPrefix)) return send(res, answerControl(method, url.pathname, body, controls));

    const entry: Omit<LoggedRequest, 'status' | 'challenged'> = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: authScheme(req.headers.authorization),
      at: new Date().toISOString(),
    };
    if (latencyMs > 0) await delay(latencyMs);
    const fault = faults.take(method, url.pathname);
    if (fault?.delayMs) await delay(fault.delayMs);
    // A request that outlived close() must not change the state (or its file) any more.
    if (closing) return;
    if (fault?.drop) {
      log.add({ ...entry, status: 0, challenged: false });
      req.socket.destroy();
      return;
    }
    const injected = fault && faultAnswer(fault);
    const { answer, challenged } = injected ? { answer: injected, challenged: false } : answerRequest(method, target, url, req, body);
    log.add({ ...entry, status: answer.status, challenged });
    send(res, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('emulator: unexpected error', error);
      if (res.headersSent) res.destroy();
      else send(res, errorAnswer(apiError('UNEXPECTED_ERROR'), plainJson));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;

  return {
    url: baseUrl,
    port: actualPort,
    snapshot: () => state.snapshot(),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
