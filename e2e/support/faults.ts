// Fault injection on the emulator (POST /__emulator/faults): slow, failing or rewritten upstream answers for one path.
import { e2eConsole } from './servers';

export interface Fault {
  method?: string;
  /** A regular expression's source, matched against the upstream path without the query. */
  path: string;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  times?: number;
}

export async function injectFault(fault: Fault): Promise<void> {
  const answer = await fetch(`${e2eConsole.emulatorUrl}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (answer.status !== 201) throw new Error(`the emulator refused the fault: ${answer.status} ${await answer.text()}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${e2eConsole.emulatorUrl}/__emulator/faults`, { method: 'DELETE' });
}

/** The path of a project's key list in every API surface the emulator serves. */
export const projectKeysPath = (groupId: string) => `/groups/${groupId}/apiKeys$`;
