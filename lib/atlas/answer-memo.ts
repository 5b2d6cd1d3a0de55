// The last validated answer of each GET target: a body identical to the last one is not parsed and validated again.
import 'server-only';

interface Entry {
  text: string;
  value: unknown;
}

/** Values handed out more than once must not change under their other holders. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * Re-reading an unchanged list (a refetch, a second person on the same project) costs the request and a string
 * comparison instead of JSON parsing and schema validation. Values are deeply frozen because they are shared.
 * One decoder per target: the key does not include the schema.
 */
export class AnswerMemo {
  readonly #entries = new Map<string, Entry>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  decode<T>(target: string, text: string, decode: (text: string) => T): T {
    const last = this.#entries.get(target);
    this.#entries.delete(target);
    if (last?.text === text) {
      this.#entries.set(target, last);
      return last.value as T;
    }
    const value = deepFreeze(decode(text));
    this.#entries.set(target, { text, value });
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }
}
