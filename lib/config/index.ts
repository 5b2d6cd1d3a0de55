// The validated configuration of this server process: the only reader of process.env for the app.
import 'server-only';
import { ConfigError, parseServerEnv, type ServerEnv } from './schema';

let cached: ServerEnv | undefined;

/** Validated once, first at start (instrumentation.ts). */
export function getConfig(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** A bad value stops the server with one line before any request (`next start` without the launcher). */
export function checkConfigAtStart(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
