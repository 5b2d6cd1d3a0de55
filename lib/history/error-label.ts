// A short, secret-free label for an error in a log line: its code (SQLSTATE, errno) or class name, never its message.
import 'server-only';

export function errorLabel(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code !== '' ? `${error.name} ${code}` : error.name;
  }
  return typeof error;
}
