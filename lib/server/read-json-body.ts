// Reads a bounded JSON request body, refusing what is too large or not JSON before anything else runs.
import 'server-only';
import { consoleError } from '@/lib/console-errors';

export const maxBodyBytes = 16 * 1024;

export async function readJsonBody(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw consoleError('UNSUPPORTED_MEDIA_TYPE');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) throw consoleError('REQUEST_TOO_LARGE', maxBodyBytes);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      throw consoleError('REQUEST_TOO_LARGE', maxBodyBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw consoleError('VALIDATION_ERROR', 'body', 'not valid JSON');
  }
}
