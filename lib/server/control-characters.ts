// Refuses control characters anywhere in a request's query or JSON body, naming the field, before any schema runs.
import 'server-only';
import { hasControlCharacter } from '@/lib/api/text-rules';
import { consoleError, type ApiError } from '@/lib/console-errors';
import { escapeForLog } from '@/lib/log-text';

function refuse(where: 'query' | 'body', field: string): ApiError {
  const name = field === '' ? where : `${where}: ${escapeForLog(field)}`;
  return consoleError('VALIDATION_ERROR', name, 'must not contain control characters');
}

export function checkQuery(params: URLSearchParams): void {
  for (const [key, value] of params) {
    if (hasControlCharacter(key) || hasControlCharacter(value)) throw refuse('query', key);
  }
}

/** Every string of a parsed JSON body, keys included; the first one found is named by its path. */
export function checkBody(value: unknown, path: string[] = []): void {
  if (typeof value === 'string') {
    if (hasControlCharacter(value)) throw refuse('body', path.join('.'));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkBody(item, [...path, String(i)]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacter(key)) throw refuse('body', [...path, key].join('.'));
      checkBody(item, [...path, key]);
    }
  }
}
