// Everything a resource handler knows about the request it answers.
import type { Answer, Presentation } from './answer';
import type { Principal } from './permissions';
import type { EmulatorState } from './state';
import type { Surface } from './surfaces';

export interface RequestContext {
  surface: Surface;
  /** The Atlas v2 version date asked for in Accept; undefined on the v1.0 surfaces. */
  version: string | undefined;
  principal: Principal;
  state: EmulatorState;
  /** Path parameters, decoded, unchecked. */
  params: Readonly<Record<string, string>>;
  /** The absolute URL as the client addressed it, for paging links. */
  url: URL;
  /** The absolute URL of the surface, for `links`. */
  base: string;
  body: string;
  /** The caller's address as the events show it (see events.ts), when known. */
  remoteAddress: string | undefined;
  how: Presentation;
}

export type Handler = (context: RequestContext) => Answer;
