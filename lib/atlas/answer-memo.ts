// The last validated answer of each GET target: a body identical to the last one is not parsed and validated again.
import 'server-only';

const json = Symbol('json');

/**
 * A value handed to every holder of an unchanged answer: deeply frozen, so none can change it under the others, and
 * carrying its JSON, made the first time it is sent and then sent as it is. Only an object made by `share` has it:
 * a copy (spread, `.map()`) is a plain value again, and says so in its type.
 */
export type Shared<T> = T & { readonly [json]: () => Uint8Array<ArrayBuffer> };

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/** Freezes the value (and what it holds) for sharing; its JSON is made once, on first use. */
export function share<T extends object>(value: T): Shared<T> {
  if (json in value) return value as Shared<T>;
  for (const inner of Object.values(value)) deepFreeze(inner);
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  // Not enumerable: JSON.stringify and spreads leave it out, so a copy never carries a stale JSON.
  Object.defineProperty(value, json, { value: () => (bytes ??= Buffer.from(JSON.stringify(value))) });
  return Object.freeze(value) as Shared<T>;
}

/** The JSON of a shared value, or undefined for any other. */
export function jsonOf(value: unknown): Uint8Array<ArrayBuffer> | undefined {
  return typeof value === 'object' && value !== null && json in value ? (value as Shared<object>)[json]() : undefined;
}

interface Entry {
  bytes: Buffer;
  value: Shared<object>;
}

/**
 * Re-reading an unchanged list (a refetch, a second person on the same project) costs the request and a byte
 * comparison instead of decoding, JSON parsing, schema validation and serialization. One decoder per target: the key
 * does not include the schema.
 */
export class AnswerMemo {
  readonly #entries = new Map<string, Entry>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  decode<T extends object>(target: string, bytes: Buffer, decode: () => T): Shared<T> {
    const last = this.#entries.get(target);
    this.#entries.delete(target);
    if (last?.bytes.equals(bytes)) {
      this.#entries.set(target, last);
      return last.value as Shared<T>;
    }
    const value = share(decode());
    this.#entries.set(target, { bytes, value });
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }
}
