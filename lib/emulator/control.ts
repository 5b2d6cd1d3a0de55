// The test controls under /__emulator/ (no auth): identity, request log, fault injection, nonces, state and reset.
import { errorAnswer, jsonAnswer, plainJson, type Answer } from './answer';
import { apiError } from './errors';
import { faultSchema, type Faults } from './faults';
import type { RequestLog } from './request-log';
import type { EmulatorState } from './state';

export const controlPrefix = '/__emulator/';

/** What the console's demo mode probes for: a real Admin API never answers this. */
const emulatorName = 'atlas-admin-api-emulator';

export interface Controls {
  state: EmulatorState;
  log: RequestLog;
  faults: Faults;
  /** Every node forgets its Digest nonces, as after a restart. */
  forgetNonces(): void;
  /** Back to the starting seed, with an empty log and no faults. */
  reset(): void;
}

function addFault(body: string, faults: Faults): Answer {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return errorAnswer(apiError('VALIDATION_ERROR', 'the fault must be a JSON object'), plainJson);
  }
  const parsed = faultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorAnswer(apiError('VALIDATION_ERROR', `${issue?.path.join('.') || 'fault'}: ${issue?.message ?? 'invalid'}`), plainJson);
  }
  return jsonAnswer(201, { id: faults.add(parsed.data) }, plainJson);
}

export function answerControl(method: string, path: string, body: string, controls: Controls): Answer {
  const { state, log, faults } = controls;
  switch (`${method} ${path.slice(controlPrefix.length)}`) {
    case 'GET info':
      return jsonAnswer(200, { emulator: emulatorName, orgIds: state.data.orgs.map((o) => o.id) }, plainJson);
    case 'GET requests':
      return jsonAnswer(200, log.list(), plainJson);
    case 'DELETE requests':
      log.clear();
      return { status: 204, headers: {} };
    case 'POST faults':
      return addFault(body, faults);
    case 'DELETE faults':
      faults.clear();
      return { status: 204, headers: {} };
    case 'DELETE nonces':
      controls.forgetNonces();
      return { status: 204, headers: {} };
    case 'GET state':
      return jsonAnswer(200, state.data, plainJson);
    case 'POST reset':
      controls.reset();
      return { status: 204, headers: {} };
    default:
      return errorAnswer(apiError('RESOURCE_NOT_FOUND', path), plainJson);
  }
}
