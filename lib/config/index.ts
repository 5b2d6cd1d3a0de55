// The validated configuration of this server process: the only reader of process.env for the app.
import 'server-only';
import { parseEnv, type Env } from './schema';

let cached: Env | undefined;

export function getConfig(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
