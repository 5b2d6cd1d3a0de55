// Runs one key mutation between its intent and its outcome in the change history, so no change goes unrecorded.
import 'server-only';
import type { ChangeIntent, ChangeOutcome, SuccessDetails } from './change';
import { errorLabel } from './error-label';
import type { ChangeStore } from './store';

/**
 * Writes the intent, runs the mutation, writes how it ended and returns (or rethrows) what `run` did.
 * If the intent cannot be written, `run` never starts. If only the outcome cannot be written, the caller
 * still gets its result and the record stays pending until recovery settles it.
 */
export async function recordChange<T>(
  store: ChangeStore,
  intent: ChangeIntent,
  run: () => Promise<T>,
  describeSuccess: (result: T) => SuccessDetails,
): Promise<T> {
  const id = await store.recordIntent(intent);
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await settle(store, id, () => failureOf(error));
    throw error;
  }
  await settle(store, id, () => {
    // Field by field: whatever else the result holds (a new key's private key) never reaches the history.
    const { apiKeyId, publicKey, rolesAfter } = describeSuccess(result);
    return { outcome: 'success', apiKeyId, publicKey, rolesAfter };
  });
  return result;
}

/** Failures after which the upstream may have applied the change: no answer, or one the console cannot read. */
const inconclusiveKinds = new Set(['timeout', 'network', 'invalid-response']);

function failureOf(error: unknown): ChangeOutcome {
  const { errorCode, detail, kind } =
    typeof error === 'object' && error !== null ? (error as { errorCode?: unknown; detail?: unknown; kind?: unknown }) : {};
  if (typeof kind === 'string' && inconclusiveKinds.has(kind)) {
    return {
      outcome: 'unknown',
      detail: `${typeof detail === 'string' ? detail : 'The Admin API did not answer.'} Whether the change was applied is not known; check the key's roles.`,
    };
  }
  return {
    outcome: 'failure',
    errorCode: typeof errorCode === 'string' && errorCode !== '' ? errorCode : 'UNEXPECTED_ERROR',
    detail: typeof detail === 'string' && detail !== '' ? detail : `The change failed unexpectedly (${errorLabel(error)}).`,
  };
}

async function settle(store: ChangeStore, id: string, outcome: () => ChangeOutcome): Promise<void> {
  try {
    await store.recordOutcome(id, outcome());
  } catch (error) {
    console.warn(`change history: the outcome of change ${id} was not recorded (${errorLabel(error)}); recovery will settle it`);
  }
}
