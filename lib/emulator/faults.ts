// Injected faults: answers, delays and dropped connections for requests matching a method and a path pattern.
import { z } from 'zod';
import type { Answer } from './answer';

const pattern = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'path must be a valid regular expression');

export const faultSchema = z
  .object({
    method: z.string().min(1).optional(),
    /** A regular expression's source, matched against the path without the query. */
    path: pattern,
    status: z.number().int().min(100).max(599).optional(),
    /** Sent as is: may be malformed JSON on purpose. */
    body: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    delayMs: z.number().int().nonnegative().max(600_000).optional(),
    /** Destroy the connection without answering. */
    drop: z.boolean().optional(),
    times: z.number().int().positive().default(1),
  })
  .strict();

export type FaultSpec = z.infer<typeof faultSchema>;

interface Fault extends FaultSpec {
  id: string;
  regex: RegExp;
  remaining: number;
}

export class Faults {
  #faults: Fault[] = [];
  #next = 1;

  add(spec: FaultSpec): string {
    const id = `fault-${this.#next++}`;
    this.#faults.push({ ...spec, id, regex: new RegExp(spec.path), remaining: spec.times });
    return id;
  }

  /** The first fault matching this request, used up by one; faults added first win. */
  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.#faults.find((f) => (!f.method || f.method.toUpperCase() === method) && f.regex.test(path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return fault;
  }

  clear(): void {
    this.#faults = [];
  }
}

/** The answer a fault gives instead of the emulator's, or undefined when it only delays the request. */
export function faultAnswer(fault: FaultSpec): Answer | undefined {
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const headers = fault.body === undefined ? { ...fault.headers } : { 'content-type': 'application/json', ...fault.headers };
  return { status: fault.status ?? 200, headers, body: fault.body };
}
