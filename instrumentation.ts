// Validates the configuration as the server starts, so `next start` without the launcher stops with one line instead
// of failing at the first request.
import { ConfigError, parseServerEnv } from './lib/config/schema';

export function register(): void {
  try {
    parseServerEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
