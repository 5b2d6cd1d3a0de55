// The three API surfaces the emulator serves over one state, and which role catalog and media type each speaks.
import type { Catalogue } from './roles';

export interface Surface {
  prefix: '/api/public/v1.0' | '/api/atlas/v1.0' | '/api/atlas/v2';
  /** The catalog whose project roles may be granted here; the emulator cannot tell Cloud from Ops Manager, so it takes Cloud's. */
  flavor: Catalogue;
  /** Atlas v2 wants a dated media type in Accept, answers with it, and differs in a few operations. */
  versioned: boolean;
}

const surfaces: readonly Surface[] = [
  { prefix: '/api/public/v1.0', flavor: 'cloud-manager', versioned: false },
  { prefix: '/api/atlas/v1.0', flavor: 'atlas-v1', versioned: false },
  { prefix: '/api/atlas/v2', flavor: 'atlas-v2', versioned: true },
];

/** The surface a path belongs to and the resource path after its prefix (`''` for the prefix itself). */
export function surfaceOf(pathname: string): { surface: Surface; resource: string } | undefined {
  for (const surface of surfaces) {
    if (pathname === surface.prefix || pathname.startsWith(`${surface.prefix}/`)) {
      return { surface, resource: pathname.slice(surface.prefix.length) };
    }
  }
  return undefined;
}
