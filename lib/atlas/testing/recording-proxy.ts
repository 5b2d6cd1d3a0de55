// A transparent HTTP proxy on loopback that records every exchange passing through it, for tests that check real traffic.
import 'server-only';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

export interface RecordedExchange {
  method: string;
  /** The request-target as sent: path and query. */
  target: string;
  request: { accept: string | undefined; contentType: string | undefined; body: string };
  answer: { status: number; contentType: string | undefined; body: string };
}

export interface RecordingProxy {
  url: string;
  exchanges: RecordedExchange[];
  close(): Promise<void>;
}

const hopByHop = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const exchanges: RecordedExchange[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !hopByHop.has(name))) as Record<string, string>;
      const method = req.method ?? 'GET';
      const target = req.url ?? '/';
      request(`${upstream}${target}`, { method, headers, body: body === '' ? undefined : body, dispatcher: agent })
        .then(async (answer) => {
          const text = await answer.body.text();
          const one = (value: string | string[] | undefined) => [value ?? []].flat()[0];
          exchanges.push({
            method,
            target,
            request: { accept: req.headers.accept, contentType: req.headers['content-type'], body },
            answer: { status: answer.statusCode, contentType: one(answer.headers['content-type']), body: text },
          });
          const passed = Object.entries(answer.headers).filter(([name]) => !hopByHop.has(name));
          res.writeHead(answer.statusCode, Object.fromEntries(passed) as Record<string, string | string[]>);
          res.end(text);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await agent.close();
    },
  };
}
