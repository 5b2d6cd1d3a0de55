// The emulator's state format — organizations, projects, people, keys and service accounts — as a zod schema and a loader.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { objectId } from '@/lib/api/object-id-schema';

/** A role held in one project (`groupId`), in the organization (`orgId`), or neither (Ops Manager's GLOBAL_* roles). */
const role = z
  .object({ groupId: objectId.optional(), orgId: objectId.optional(), roleName: z.string().regex(/^[A-Z][A-Z_]*$/) })
  .strict()
  .refine((r) => !(r.groupId && r.orgId), 'a role is held in a project or in the organization, not both');

const isoDate = z.iso.datetime({ offset: true });

/** Absent = ACTIVE. Anyone else was invited and has not joined: the upstream lists them, with their invitation's roles. */
export const membershipStatuses = ['ACTIVE', 'PENDING', 'INVITATION_EXPIRED', 'INVITATION_REJECTED'] as const;

const accessListEntry = z
  .object({
    cidrBlock: z.string().min(1),
    ipAddress: z.string().min(1).optional(),
    created: isoDate,
    count: z.number().int().nonnegative(),
    lastUsed: isoDate.optional(),
    lastUsedAddress: z.string().min(1).optional(),
  })
  .strict();

/** A service account's access list entry: the specification's ServiceAccountIPAccessListEntry, as stored. */
const serviceAccountAccessListEntry = z
  .object({
    cidrBlock: z.string().min(1),
    ipAddress: z.string().min(1).optional(),
    createdAt: isoDate,
    requestCount: z.number().int().nonnegative(),
    lastUsedAt: isoDate.optional(),
    lastUsedAddress: z.string().min(1).optional(),
  })
  .strict();

/** A secret of a service account; the emulator keeps its value to check token requests, the upstream shows it once. */
const serviceAccountSecret = z
  .object({ id: objectId, secret: z.string().min(1), createdAt: isoDate, expiresAt: isoDate, lastUsedAt: isoDate.optional() })
  .strict();

const serviceAccount = z
  .object({
    clientId: z.string().regex(/^mdb_sa_id_[a-f0-9]{24}$/, 'must be mdb_sa_id_ and 24 hexadecimal digits'),
    orgId: objectId,
    name: z.string().min(1).max(64),
    description: z.string().max(250),
    createdAt: isoDate,
    roles: z.array(role),
    secrets: z.array(serviceAccountSecret),
    /** The account's own list, whichever project it is read through; absent = no entry. */
    accessList: z.array(serviceAccountAccessListEntry).optional(),
  })
  .strict();

/** An Admin API event as the emulator keeps it; `links` are added when it is shown. */
const event = z
  .object({
    id: objectId,
    created: isoDate,
    eventTypeName: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    orgId: objectId,
    groupId: objectId.optional(),
    apiKeyId: objectId.optional(),
    publicKey: z.string().min(1).optional(),
    userId: objectId.optional(),
    username: z.string().min(1).optional(),
    remoteAddress: z.string().min(1).optional(),
    targetPublicKey: z.string().min(1).optional(),
    /** Service account events name the account they are about. */
    targetClientId: z.string().min(1).optional(),
  })
  .strict();

const seedObject = z
  .object({
    orgs: z
      .array(
        z
          .object({
            id: objectId,
            name: z.string().min(1),
            /** The longest lifetime a service account secret may be given here; Atlas allows at most 365 days. */
            maxServiceAccountSecretValidityInHours: z.number().int().min(8).max(8760).optional(),
          })
          .strict(),
      )
      .min(1),
    projects: z.array(z.object({ id: objectId, orgId: objectId, name: z.string().min(1) }).strict()),
    users: z.array(
      z
        .object({
          id: objectId,
          username: z.string().min(1),
          emailAddress: z.email(),
          firstName: z.string(),
          lastName: z.string(),
          roles: z.array(role),
          orgMembershipStatus: z.enum(membershipStatuses).optional(),
          invitationCreatedAt: isoDate.optional(),
          invitationExpiresAt: isoDate.optional(),
          inviterUsername: z.email().optional(),
        })
        .strict()
        .refine(
          (u) => (u.orgMembershipStatus ?? 'ACTIVE') === 'ACTIVE' || (u.invitationCreatedAt !== undefined && u.inviterUsername !== undefined),
          'an invited person needs invitationCreatedAt and inviterUsername',
        ),
    ),
    /** Teams: their members, and the roles each holds in projects of its organization (every member has them). */
    teams: z
      .array(
        z
          .object({
            id: objectId,
            orgId: objectId,
            name: z.string().min(1),
            userIds: z.array(objectId),
            roles: z.array(z.object({ groupId: objectId, roleName: z.string().regex(/^[A-Z][A-Z_]*$/) }).strict()),
          })
          .strict(),
      )
      .optional(),
    apiKeys: z.array(
      z
        .object({
          id: objectId,
          orgId: objectId,
          desc: z.string().min(1).max(250),
          publicKey: z.string().regex(/^[a-z]{8}$/, 'must be 8 lowercase letters'),
          privateKey: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lowercase UUID'),
          roles: z.array(role),
          accessList: z.array(accessListEntry).optional(),
        })
        .strict(),
    ),
    serviceAccounts: z.array(serviceAccount).optional(),
    events: z.array(event).optional(),
    consoleKey: objectId,
  })
  .strict();

type SeedShape = z.infer<typeof seedObject>;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Cross-references a schema cannot express: unique ids, and every id pointing at something that exists. */
function checkReferences(seed: SeedShape, ctx: z.RefinementCtx): void {
  const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
  const orgIds = new Set(seed.orgs.map((o) => o.id));
  const projectOrg = new Map(seed.projects.map((p) => [p.id, p.orgId]));
  for (const [what, values] of [
    ['org id', seed.orgs.map((o) => o.id)],
    ['project id', seed.projects.map((p) => p.id)],
    ['user id', seed.users.map((u) => u.id)],
    ['API key id', seed.apiKeys.map((k) => k.id)],
    ['public key', seed.apiKeys.map((k) => k.publicKey)],
    ['service account client id', (seed.serviceAccounts ?? []).map((s) => s.clientId)],
    ['team id', (seed.teams ?? []).map((t) => t.id)],
    ['team name', (seed.teams ?? []).map((t) => `${t.name} in org ${t.orgId}`)],
  ] as const) {
    for (const value of duplicates([...values])) problem(`duplicate ${what} ${value}`);
  }
  for (const p of seed.projects) if (!orgIds.has(p.orgId)) problem(`project ${p.id} names unknown org ${p.orgId}`);
  const userIds = new Set(seed.users.map((u) => u.id));
  for (const t of seed.teams ?? []) {
    for (const userId of t.userIds) if (!userIds.has(userId)) problem(`team ${t.id} names unknown user ${userId}`);
    for (const userId of duplicates([...t.userIds])) problem(`team ${t.id} names user ${userId} twice`);
  }
  // A credential belongs to one organization, so all its roles are in it.
  const holders = [
    ...seed.apiKeys.map((k) => ({ what: `API key ${k.id}`, orgId: k.orgId as string | undefined, roles: k.roles })),
    ...(seed.serviceAccounts ?? []).map((s) => ({ what: `service account ${s.clientId}`, orgId: s.orgId as string | undefined, roles: s.roles })),
    ...seed.users.map((u) => ({ what: `user ${u.id}`, orgId: undefined, roles: u.roles })),
    ...(seed.teams ?? []).map((t) => ({ what: `team ${t.id}`, orgId: t.orgId as string | undefined, roles: t.roles as { groupId?: string; orgId?: string; roleName: string }[] })),
  ];
  for (const { what, orgId, roles } of holders) {
    if (orgId && !orgIds.has(orgId)) problem(`${what} names unknown org ${orgId}`);
    for (const r of roles) {
      if (r.groupId && !projectOrg.has(r.groupId)) problem(`${what} has a role in unknown project ${r.groupId}`);
      if (r.groupId && orgId && projectOrg.get(r.groupId) !== orgId) problem(`${what} has a role in project ${r.groupId} of another org`);
      if (r.orgId && !orgIds.has(r.orgId)) problem(`${what} has a role in unknown org ${r.orgId}`);
      if (r.orgId && orgId && r.orgId !== orgId) problem(`${what} has a role in another org ${r.orgId}`);
    }
  }
  if (!seed.apiKeys.some((k) => k.id === seed.consoleKey)) problem(`consoleKey ${seed.consoleKey} is not one of the apiKeys`);
}

export const seedSchema = seedObject.superRefine(checkReferences);

export type Seed = z.infer<typeof seedSchema>;
export type SeedRole = Seed['apiKeys'][number]['roles'][number];
export type SeedApiKey = Seed['apiKeys'][number];
export type SeedProject = Seed['projects'][number];
export type SeedOrg = Seed['orgs'][number];
export type SeedUser = Seed['users'][number];
export type SeedTeam = NonNullable<Seed['teams']>[number];
export type SeedServiceAccount = NonNullable<Seed['serviceAccounts']>[number];
export type SeedSecret = SeedServiceAccount['secrets'][number];
export type SeedEvent = NonNullable<Seed['events']>[number];
export type SeedAccessListEntry = NonNullable<SeedApiKey['accessList']>[number];
export type SeedAccountAccessListEntry = NonNullable<SeedServiceAccount['accessList']>[number];

/** Reads and validates a seed (or a data file, which has the same shape); the error names the file and the first problems. */
export function loadSeed(file: string): Seed {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read seed ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = seedSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(seed)'}: ${i.message}`);
    throw new Error(`invalid seed ${file}: ${problems.join('; ')}`);
  }
  return result.data;
}
