// The validated configuration of this server process: the only reader of process.env for the app.
import 'server-only';
import { parseServerEnv, type ServerEnv } from './schema';

let cached: ServerEnv | undefined;

/** Validated once; instrumentation.ts calls it at start so that a bad value stops the server before any request. */
export function getConfig(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
