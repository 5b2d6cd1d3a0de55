// The one client of the emulator's test controls (/__emulator/…), typed by the emulator's own definitions of what they answer.
import type { z } from 'zod';
import type { faultSchema } from '../faults';
import type { LoggedRequest } from '../request-log';
import type { Seed } from '../seed';

/** A fault as a test writes it: `times` may be left out (once). */
export type Fault = z.input<typeof faultSchema>;

export interface EmulatorControls {
  /** The live state, private keys included. */
  state(): Promise<Seed>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  /** Resolves once the emulator accepted the fault; a fault it refuses fails the test at its cause. */
  fault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /** Every node forgets its Digest nonces, as after a restart. */
  forgetNonces(): Promise<void>;
  /** Back to the starting seed, with an empty log and no faults. */
  reset(): Promise<void>;
}

export function emulatorControls(emulatorUrl: string): EmulatorControls {
  const call = async (method: string, what: string, body?: unknown): Promise<Response> => {
    const answer = await fetch(`${emulatorUrl}/__emulator/${what}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!answer.ok) throw new Error(`emulator control ${method} ${what}: ${answer.status} ${await answer.text()}`);
    return answer;
  };
  const done = async (method: string, what: string, body?: unknown) => void (await call(method, what, body));
  return {
    state: async () => (await (await call('GET', 'state')).json()) as Seed,
    requests: async () => (await (await call('GET', 'requests')).json()) as LoggedRequest[],
    clearRequests: () => done('DELETE', 'requests'),
    fault: (fault) => done('POST', 'faults', fault),
    clearFaults: () => done('DELETE', 'faults'),
    forgetNonces: () => done('DELETE', 'nonces'),
    reset: () => done('POST', 'reset'),
  };
}
