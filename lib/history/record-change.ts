// Runs one key mutation between its intent and its outcome in the change history, so no change goes unrecorded.
import 'server-only';
import type { ChangeIntent, ChangeOutcome, SuccessDetails } from './change';
import { errorLabel } from './error-label';
import { decide, type ReadCurrentRoles } from './recovery';
import type { ChangeStore } from './store';

/**
 * Writes the intent, runs the mutation, writes how it ended and returns (or rethrows) what `run` did.
 * If the intent cannot be written, `run` never starts. If only the outcome cannot be written, the caller
 * still gets its result and the record stays pending until recovery settles it.
 * A write whose answer was lost on the way (502, 503, 504, a dropped connection) is recorded `unknown`, then
 * settled at once by one read of the key's roles through `reconcile`, as start-up recovery does.
 */
export async function recordChange<T>(
  store: ChangeStore,
  intent: ChangeIntent,
  run: () => Promise<T>,
  describeSuccess: (result: T) => SuccessDetails,
  reconcile?: ReadCurrentRoles,
): Promise<T> {
  const id = await store.recordIntent(intent);
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await settle(store, id, () => failureOf(error));
    if (reconcile && answerLost(error)) await reconcileNow(store, id, intent, reconcile);
    throw error;
  }
  await settle(store, id, () => {
    // Field by field: whatever else the result holds (a new key's private key, a new secret) never reaches the history.
    const { apiKeyId, publicKey, clientId, secretId, rolesAfter } = describeSuccess(result);
    return { outcome: 'success', apiKeyId, publicKey, clientId, secretId, rolesAfter };
  });
  return result;
}

/** Failures after which the upstream may have applied the change: no answer, or one the console cannot read. */
const inconclusiveKinds = new Set(['timeout', 'network', 'invalid-response']);
/** Gateways' answers: the write may have reached the Admin API behind them, or not. */
const gatewayStatuses = new Set([502, 503, 504]);

function fieldsOf(error: unknown): { errorCode?: unknown; detail?: unknown; kind?: unknown; status?: unknown } {
  return typeof error === 'object' && error !== null ? error : {};
}

/** The request reached the upstream's side but its answer was lost: a read now tells what happened. */
function answerLost(error: unknown): boolean {
  const { kind, status } = fieldsOf(error);
  return kind === 'network' || (kind === 'upstream' && typeof status === 'number' && gatewayStatuses.has(status));
}

function failureOf(error: unknown): ChangeOutcome {
  const { errorCode, detail, kind } = fieldsOf(error);
  if ((typeof kind === 'string' && inconclusiveKinds.has(kind)) || answerLost(error)) {
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

async function reconcileNow(store: ChangeStore, id: string, intent: ChangeIntent, reconcile: ReadCurrentRoles): Promise<void> {
  const change = {
    ...intent,
    kind: intent.kind ?? 'key',
    apiKeyId: intent.apiKeyId ?? null,
    clientId: intent.clientId ?? null,
    rolesBefore: [...intent.rolesBefore],
    rolesAfter: [...intent.rolesAfter],
  };
  const outcome = await decide(change, reconcile, 'The Admin API’s answer to this change was lost on the way');
  if (outcome.outcome === 'unknown') return;
  await settle(store, id, () => ({ ...outcome, settledBy: 'recovery' }));
}

async function settle(store: ChangeStore, id: string, outcome: () => ChangeOutcome): Promise<void> {
  try {
    await store.recordOutcome(id, outcome());
  } catch (error) {
    console.warn(`change history: the outcome of change ${id} was not recorded (${errorLabel(error)}); recovery will settle it`);
  }
}
