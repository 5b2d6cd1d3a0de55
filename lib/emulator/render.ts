// The Admin API's JSON for keys, organizations, projects and access-list entries, with absolute `links`.
import { maskPrivateKey } from '@/lib/private-key-mask';
import type { SeedAccessListEntry, SeedApiKey, SeedOrg, SeedProject } from './seed';

const self = (href: string) => [{ href, rel: 'self' as const }];

/** `base` is the absolute URL of the surface, e.g. `http://127.0.0.1:4100/api/atlas/v1.0`. */
export function renderKey(key: SeedApiKey, base: string, { unredacted = false } = {}) {
  return {
    desc: key.desc,
    id: key.id,
    links: self(`${base}/orgs/${key.orgId}/apiKeys/${key.id}`),
    privateKey: unredacted ? key.privateKey : maskPrivateKey(key.privateKey),
    publicKey: key.publicKey,
    // All the key's roles: this project's, other projects' and the organization's.
    roles: key.roles.map((r) => ({ ...r })),
  };
}

export function renderOrg(org: SeedOrg, base: string) {
  return { id: org.id, isDeleted: false, links: self(`${base}/orgs/${org.id}`), name: org.name };
}

/** When an ObjectId was made: its first four bytes are seconds since the epoch. */
const createdAt = (id: string) => new Date(Number.parseInt(id.slice(0, 8), 16) * 1000).toISOString().replace('.000Z', 'Z');

export function renderProject(project: SeedProject, base: string) {
  return {
    clusterCount: 0,
    created: createdAt(project.id),
    id: project.id,
    links: self(`${base}/groups/${project.id}`),
    name: project.name,
    orgId: project.orgId,
  };
}

export function renderAccessListEntry(entry: SeedAccessListEntry, key: SeedApiKey, base: string) {
  const address = encodeURIComponent(entry.ipAddress ?? entry.cidrBlock);
  return { ...entry, links: self(`${base}/orgs/${key.orgId}/apiKeys/${key.id}/accessList/${address}`) };
}
