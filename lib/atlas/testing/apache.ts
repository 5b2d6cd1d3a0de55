// Apache httpd with mod_auth_digest (AuthDigestNcCheck On) on loopback, in front of static files: a Digest server nobody here wrote.
import 'server-only';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const apache2 = process.env.APACHE2_PATH ?? '/usr/sbin/apache2';
const modules = '/usr/lib/apache2/modules';
const realm = 'MMS Public API';

/** Why Apache cannot run here, or undefined when it can. */
export function apacheMissing(): string | undefined {
  try {
    accessSync(apache2, constants.X_OK);
    accessSync(join(modules, 'mod_auth_digest.so'), constants.R_OK);
  } catch {
    return `apache2 with mod_auth_digest is not installed (${apache2}, ${modules}); .ci/run installs Debian's apache2`;
  }
  if (spawnSync('htdigest', ['-h']).error) return 'htdigest (Debian apache2-utils) is not installed';
  return undefined;
}

export interface ApacheOptions {
  username: string;
  password: string;
  /** Path under the document root → file content. */
  files: Record<string, string>;
}

export interface RunningApache {
  url: string;
  /**
   * One line per request answered, `METHOD /path?query STATUS`, once the lines `ready` asks for are there and no other
   * has arrived for 100 ms: Apache writes a request's line after its answer has gone out, so a client holding the
   * answer can read the log before the line is in it.
   */
  accessLog(ready?: (lines: string[]) => boolean): Promise<string[]>;
  close(): Promise<void>;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The ports this project's tests may use on a shared machine are 4100–4190; Playwright takes the first few. */
async function freePort(): Promise<number> {
  for (let port = 4170; port < 4190; port++) if (await portFree(port)) return port;
  throw new Error('no free port in 4170–4189 for Apache');
}

async function answering(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`apache2 exited with ${server.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error('apache2 did not start answering within 5 s');
}

export async function startApache({ username, password, files }: ApacheOptions): Promise<RunningApache> {
  const dir = mkdtempSync(join(tmpdir(), 'apache-digest-'));
  const www = join(dir, 'www');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(www, path)), { recursive: true });
    writeFileSync(join(www, path), content);
  }
  const passwords = join(dir, 'htdigest');
  const made = spawnSync('htdigest', ['-c', passwords, realm, username], { input: `${password}\n${password}\n` });
  if (made.status !== 0) throw new Error(`htdigest failed: ${made.stderr.toString()}`);
  // Started as root, Apache serves as nobody, which must read the files; otherwise it runs as whoever started it.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) spawnSync('chmod', ['-R', 'a+rX', dir]);
  chmodSync(dir, 0o755);
  const port = await freePort();
  const config = [
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile ${dir}/httpd.pid`,
    `DefaultRuntimeDir ${dir}`,
    `ErrorLog ${dir}/error.log`,
    'LogLevel warn',
    'LogFormat "%m %U%q %>s" requests',
    `CustomLog ${dir}/access.log requests`,
    ...['mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_digest', 'mime'].map(
      (name) => `LoadModule ${name}_module ${modules}/mod_${name}.so`,
    ),
    'TypesConfig /dev/null',
    ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
    // One process of 32 threads: nonce counts live in shared memory either way, and the machine is shared.
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 32',
    'MaxRequestWorkers 32',
    'MinSpareThreads 1',
    'MaxSpareThreads 32',
    'KeepAlive On',
    'MaxKeepAliveRequests 0',
    // Room for every client entry (one per nonce opaque) the tests make, so none is collected mid-test.
    'AuthDigestShmemSize 262144',
    `DocumentRoot ${www}`,
    `<Directory ${www}>`,
    '  AuthType Digest',
    `  AuthName "${realm}"`,
    '  AuthDigestProvider file',
    `  AuthUserFile ${passwords}`,
    '  AuthDigestNcCheck On',
    '  Require valid-user',
    '  ForceType application/json',
    '</Directory>',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'httpd.conf'), config);
  const server = spawn(apache2, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await answering(url, server);
  } catch (error) {
    server.kill('SIGTERM');
    const log = (() => {
      try {
        return readFileSync(join(dir, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    })();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  const logFile = join(dir, 'access.log');
  const settledLog = async (ready: (lines: string[]) => boolean = () => true) => {
    const read = () => readFileSync(logFile, 'utf8').split('\n').filter((line) => line !== '');
    const deadline = Date.now() + 10_000;
    for (let lines = read(); ; ) {
      await sleep(100);
      const now = read();
      if (ready(now) && now.length === lines.length) return now;
      if (Date.now() > deadline) throw new Error(`the access log did not settle: ${now.length} lines`);
      lines = now;
    }
  };
  // The probe above is not part of any test's count: its line is awaited, then cleared.
  await settledLog((lines) => lines.length > 0);
  writeFileSync(logFile, '');
  return {
    url,
    accessLog: settledLog,
    async close() {
      server.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
