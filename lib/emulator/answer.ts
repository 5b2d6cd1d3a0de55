// What the emulator sends back — status, headers, body — and the one place values and errors become JSON answers.
import type { ApiError } from './errors';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** Absent for answers without a body (204). */
  body?: string;
}

/** How this request wants its JSON: the surface's media type and the `pretty` and `envelope` query flags. */
export interface Presentation {
  contentType: string;
  pretty: boolean;
  envelope: boolean;
}

/** With `envelope=true` the upstream always answers 200 and puts the real status beside the content. */
export function jsonAnswer(status: number, value: unknown, how: Presentation, headers: Record<string, string> = {}): Answer {
  const [code, payload] = how.envelope ? [200, { content: value ?? null, status }] : [status, value];
  if (payload === undefined) return { status: code, headers };
  const body = JSON.stringify(payload, null, how.pretty ? 2 : undefined);
  return { status: code, headers: { 'content-type': how.contentType, ...headers }, body };
}

/** Errors are plain `application/json` on every surface: v2's specification gives no dated media type for them. */
export function errorAnswer(error: ApiError, how: Presentation, headers: Record<string, string> = {}): Answer {
  return jsonAnswer(error.status, error.body, { ...how, contentType: 'application/json' }, headers);
}

/** Plain JSON for answers outside the three API surfaces (token endpoint, test controls, unknown paths). */
export const plainJson: Presentation = { contentType: 'application/json', pretty: false, envelope: false };
