// startEmulator: the Admin API emulator as a plain node:http server over one state, with its test controls.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { TokenBuckets } from '@/lib/token-buckets';
import { errorAnswer, plainJson } from './answer';
import { answerApi, type ApiDependencies } from './api';
import { answerControl, controlPrefix, type Controls } from './control';
import { DigestAuthority, type DigestStrictness } from './digest';
import { apiError } from './errors';
import { faultAnswer, Faults } from './faults';
import { readBody, send } from './http-io';
import { writeFileAtomic } from './persist';
import { generousRateLimit, type RateLimit } from './rate-limit';
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
  /** How strictly Digest nonces and counts are checked; forgiving by default. */
  digest?: DigestStrictness;
  /**
   * Servers behind a load balancer that pins each connection to one of them, new connections in turn: a nonce is
   * valid only on the node that issued it. 1 by default.
   */
  nodes?: number;
  tokenTtlSeconds?: number;
  /** Per calling credential; generous by default. */
  rateLimit?: RateLimit;
  /**
   * When set, the test controls answer only requests carrying it in `X-Emulator-Control-Token` (the state holds
   * every private key); the embedded console gets it to probe `info`. Unset: open, for tests.
   */
  controlToken?: string;
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

function controlAllowed(token: string | undefined, sent: string | string[] | undefined): boolean {
  if (token === undefined) return true;
  if (typeof sent !== 'string') return false;
  const [a, b] = [Buffer.from(token), Buffer.from(sent)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const { host = '127.0.0.1', port = 0, dataFile, latencyMs = 0, nonceTtlMs = 300_000, nodes = 1, tokenTtlSeconds = 3600 } = options;
  const parsed = seedSchema.safeParse(options.seed);
  if (!parsed.success) throw new Error(`invalid seed: ${z.prettifyError(parsed.error)}`);
  const seed = parsed.data;

  const state = new EmulatorState(seed, dataFile ? (data) => writeFileAtomic(dataFile, JSON.stringify(data, null, 2)) : () => {});
  const digests = Array.from({ length: nodes }, () => new DigestAuthority(nonceTtlMs, options.digest));
  const nodeOf = new WeakMap<Socket, number>();
  let connections = 0;
  const dependencies: ApiDependencies = {
    state,
    digest: digests[0] as DigestAuthority,
    tokens: new TokenStore(tokenTtlSeconds),
    buckets: new TokenBuckets(options.rateLimit ?? generousRateLimit),
  };
  const log = new RequestLog();
  const faults = new Faults();
  const controls: Controls = {
    state,
    log,
    faults,
    forgetNonces: () => digests.forEach((d) => d.forget()),
    reset() {
      state.reset(seed);
      log.clear();
      faults.clear();
      dependencies.buckets.clear();
    },
  };
  let closing: Promise<void> | undefined;
  let baseUrl = '';

  function answerRequest(method: string, target: string, url: URL, req: IncomingMessage, body: string, node: number) {
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
    return answerApi(request, match, node === 0 ? dependencies : { ...dependencies, digest: digests[node] as DigestAuthority });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    // Concatenated, not resolved: a target such as `//elsewhere/x` must stay a path of this host.
    const url = new URL(`${origin(req.headers.host, baseUrl)}${target.startsWith('/') ? target : '/'}`);
    const body = await readBody(req);
    if (url.pathname.startsWith(controlPrefix)) {
      const allowed = controlAllowed(options.controlToken, req.headers['x-emulator-control-token']);
      return send(res, allowed ? answerControl(method, url.pathname, body, controls) : errorAnswer(apiError('RESOURCE_NOT_FOUND', url.pathname), plainJson));
    }

    const node = nodeOf.get(req.socket) ?? 0;
    const entry: Omit<LoggedRequest, 'status' | 'challenged'> = {
      node,
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
    const { answer, challenged } = injected ? { answer: injected, challenged: false } : answerRequest(method, target, url, req, body, node);
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
  server.on('connection', (socket) => nodeOf.set(socket, connections++ % nodes));
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
