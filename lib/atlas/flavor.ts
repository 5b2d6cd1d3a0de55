// Which upstream product and API version a base URL points at, and the media type that version speaks.
import 'server-only';
import type { Flavor } from '@/lib/roles';

/** The first resource version of Atlas v2; every key, project and organization operation the console uses exists in it. */
const atlasV2MediaType = 'application/vnd.atlas.2023-01-01+json';

/** User lists are read in the version the reference documents: each person's roles as plain names, per project. */
const atlasV2UsersMediaType = 'application/vnd.atlas.2025-02-19+json';

/** Cloud and Ops Manager share /api/public/v1.0; `product` (ATLAS_PRODUCT) says which when the host name does not. */
export type Product = 'cloud-manager' | 'ops-manager';

/** The configuration has checked that the base URL ends in one of these roots (lib/config/schema.ts). */
export function flavorOf(baseUrl: URL, product?: Product): Flavor {
  const path = baseUrl.pathname.replace(/\/+$/, '');
  if (path.endsWith('/api/public/v1.0')) return product ?? (baseUrl.hostname === 'cloud.mongodb.com' ? 'cloud-manager' : 'ops-manager');
  if (path.endsWith('/api/atlas/v1.0')) return 'atlas-v1';
  if (path.endsWith('/api/atlas/v2')) return 'atlas-v2';
  throw new RangeError(`${path || '/'} is not an Admin API root`);
}

/** Service accounts came to v2 in this version. */
const atlasV2ServiceAccountsMediaType = 'application/vnd.atlas.2024-08-05+json';

export function mediaTypeOf(flavor: Flavor, resource: 'default' | 'users' | 'serviceAccounts' = 'default'): string {
  if (flavor !== 'atlas-v2') return 'application/json';
  if (resource === 'serviceAccounts') return atlasV2ServiceAccountsMediaType;
  return resource === 'users' ? atlasV2UsersMediaType : atlasV2MediaType;
}

/** Atlas v2 and Cloud Manager have service accounts; Atlas v1.0 and Ops Manager do not. */
export const hasServiceAccounts = (flavor: Flavor) => flavor === 'atlas-v2' || flavor === 'cloud-manager';
