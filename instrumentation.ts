// Validates the configuration as the server starts, so `next start` without the launcher stops with one line instead
// of failing at the first request. Node.js only: the configuration module exits the process, which Edge cannot.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStart } = await import('./lib/config');
    checkConfigAtStart();
  }
}
