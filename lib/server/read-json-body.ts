// Reads a bounded JSON request body, refusing what is too large or not JSON before anything else runs.
import 'server-only';
import { ApiError } from '@/lib/console-errors';

export const maxBodyBytes = 16 * 1024;

export async function readJsonBody(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The body must be JSON (Content-Type: application/json).');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) throw tooLarge();
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'VALIDATION_ERROR', 'The body is not valid JSON.');
  }
}

function tooLarge(): ApiError {
  return new ApiError(413, 'REQUEST_TOO_LARGE', `The body must be at most ${maxBodyBytes} bytes.`);
}
