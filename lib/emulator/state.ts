// The emulator's live state: look-ups by id and the few changes the Admin API allows, each handed to a persister before it is acknowledged.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { addressInEntry } from './access-list';
import type { Seed, SeedAccountAccessListEntry, SeedApiKey, SeedEvent, SeedOrg, SeedProject, SeedRole, SeedSecret, SeedServiceAccount, SeedTeam, SeedUser } from './seed';

export type Persist = (state: Seed) => void;

/** A project's roles as stored: each name once, sorted, so answers do not depend on the order a client sent. */
const projectRoles = (groupId: string, roles: readonly string[]): SeedRole[] =>
  [...new Set(roles)].sort().map((roleName) => ({ groupId, roleName }));

/** ISO time without milliseconds, as the upstream writes its dates. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Atlas invitations expire after 30 days. */
const invitationLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export class EmulatorState {
  #data: Seed;
  #orgs = new Map<string, SeedOrg>();
  #projects = new Map<string, SeedProject>();
  #keys = new Map<string, SeedApiKey>();
  #publicKeys = new Map<string, SeedApiKey>();
  #serviceAccounts = new Map<string, SeedServiceAccount>();
  #teams = new Map<string, SeedTeam>();
  readonly #persist: Persist;

  /** `seed` is copied: the caller's object is never changed. */
  constructor(seed: Seed, persist: Persist) {
    this.#persist = persist;
    this.#data = this.#index(seed);
    persist(this.#data);
  }

  #index(seed: Seed): Seed {
    const data = structuredClone(seed);
    this.#orgs = new Map(data.orgs.map((o) => [o.id, o]));
    this.#projects = new Map(data.projects.map((p) => [p.id, p]));
    this.#keys = new Map(data.apiKeys.map((k) => [k.id, k]));
    this.#publicKeys = new Map(data.apiKeys.map((k) => [k.publicKey, k]));
    this.#serviceAccounts = new Map((data.serviceAccounts ?? []).map((s) => [s.clientId, s]));
    this.#teams = new Map((data.teams ?? []).map((t) => [t.id, t]));
    return data;
  }

  /** The live data, for reading only; `snapshot` for a copy. */
  get data(): Readonly<Seed> {
    return this.#data;
  }

  snapshot(): Seed {
    return structuredClone(this.#data);
  }

  reset(seed: Seed): void {
    this.#data = this.#index(seed);
    this.#persist(this.#data);
  }

  org = (id: string) => this.#orgs.get(id);
  project = (id: string) => this.#projects.get(id);
  key = (id: string) => this.#keys.get(id);
  keyByPublicKey = (publicKey: string) => this.#publicKeys.get(publicKey);
  serviceAccount = (clientId: string) => this.#serviceAccounts.get(clientId);
  team = (id: string) => this.#teams.get(id);

  projectsOf(orgId: string): SeedProject[] {
    return this.#data.projects.filter((p) => p.orgId === orgId);
  }

  keysOf(orgId: string): SeedApiKey[] {
    return this.#data.apiKeys.filter((k) => k.orgId === orgId);
  }

  serviceAccountsOf(orgId: string): SeedServiceAccount[] {
    return (this.#data.serviceAccounts ?? []).filter((s) => s.orgId === orgId);
  }

  serviceAccountsIn(groupId: string): SeedServiceAccount[] {
    return (this.#data.serviceAccounts ?? []).filter((s) => s.roles.some((r) => r.groupId === groupId));
  }

  keysIn(groupId: string): SeedApiKey[] {
    return this.#data.apiKeys.filter((k) => k.roles.some((r) => r.groupId === groupId));
  }

  usersIn(groupId: string): SeedUser[] {
    return this.#data.users.filter((u) => u.roles.some((r) => r.groupId === groupId));
  }

  /** The org a role is held in: its own `orgId`, or the org of its project. */
  orgOfRole(role: SeedRole): string | undefined {
    return role.orgId ?? (role.groupId ? this.#projects.get(role.groupId)?.orgId : undefined);
  }

  usersOf(orgId: string): SeedUser[] {
    return this.#data.users.filter((u) => u.roles.some((r) => this.orgOfRole(r) === orgId));
  }

  teamsOf(orgId: string): SeedTeam[] {
    return (this.#data.teams ?? []).filter((t) => t.orgId === orgId);
  }

  /** Teams holding a role in the project. */
  teamsIn(groupId: string): SeedTeam[] {
    return (this.#data.teams ?? []).filter((t) => t.roles.some((r) => r.groupId === groupId));
  }

  teamIdsOf(user: SeedUser): string[] {
    return (this.#data.teams ?? []).filter((t) => t.userIds.includes(user.id)).map((t) => t.id);
  }

  userByUsername(username: string): SeedUser | undefined {
    const wanted = username.toLowerCase();
    return this.#data.users.find((u) => u.username.toLowerCase() === wanted);
  }

  createTeam(orgId: string, name: string, userIds: readonly string[]): SeedTeam {
    const team: SeedTeam = { id: this.#freshId(), orgId, name, userIds: [...new Set(userIds)], roles: [] };
    const teams = (this.#data.teams ??= []);
    this.#append(teams, team, [this.#teams, team.id]);
    return team;
  }

  /** Replaces the team's roles in one project (none = the team leaves the project). */
  setTeamProjectRoles(team: SeedTeam, groupId: string, roles: readonly string[]): void {
    const before = team.roles;
    const after = [...before.filter((r) => r.groupId !== groupId), ...projectRoles(groupId, roles).map((r) => ({ groupId, roleName: r.roleName }))];
    this.#change(
      () => (team.roles = after),
      () => (team.roles = before),
    );
  }

  /** An invitation: the person is listed as PENDING, with the invitation's roles and teams, until they accept it. */
  invite(
    orgId: string,
    invitation: { username: string; orgRoles: readonly string[]; groupRoles: readonly SeedRole[]; teamIds: readonly string[]; inviter: string },
    now = new Date(),
  ): SeedUser {
    const user: SeedUser = {
      id: this.#freshId(),
      username: invitation.username,
      emailAddress: invitation.username,
      firstName: '',
      lastName: '',
      roles: [...invitation.groupRoles, ...[...new Set(invitation.orgRoles)].map((roleName) => ({ orgId, roleName }))],
      orgMembershipStatus: 'PENDING',
      invitationCreatedAt: now.toISOString(),
      invitationExpiresAt: new Date(now.getTime() + invitationLifetimeMs).toISOString(),
      inviterUsername: invitation.inviter,
    };
    const teams = invitation.teamIds.flatMap((id) => this.#teams.get(id) ?? []);
    this.#change(
      () => {
        this.#data.users.push(user);
        for (const team of teams) team.userIds.push(user.id);
      },
      () => {
        this.#data.users.pop();
        for (const team of teams) team.userIds.pop();
      },
    );
    return user;
  }

  /** A new organization key holding `roles` in one project; its private key is returned in full this once. */
  createKey(orgId: string, desc: string, groupId: string, roles: readonly string[]): SeedApiKey {
    const key: SeedApiKey = {
      id: this.#freshId(),
      orgId,
      desc,
      publicKey: this.#freshPublicKey(),
      privateKey: randomUUID(),
      roles: projectRoles(groupId, roles),
    };
    this.#append(this.#data.apiKeys, key, [this.#keys, key.id], [this.#publicKeys, key.publicKey]);
    return key;
  }

  /**
   * Replaces a key's or service account's whole role set in one project (none = unassigned, or removed from it); its
   * roles elsewhere and its secrets stay as they were.
   */
  setProjectRoles(holder: SeedApiKey | SeedServiceAccount, groupId: string, roles: readonly string[]): void {
    const before = holder.roles;
    const others = before.filter((r) => r.groupId !== groupId);
    const mine = projectRoles(groupId, roles);
    // Project roles before organization roles, as the upstream lists them.
    const after = [...others.filter((r) => r.groupId), ...mine, ...others.filter((r) => !r.groupId)];
    this.#change(
      () => (holder.roles = after),
      () => (holder.roles = before),
    );
  }

  /** A new service account holding `roles` in one project, with one secret; the secret's value is returned in full this once. */
  createServiceAccount(
    orgId: string,
    fields: { name: string; description: string; groupId: string; roles: readonly string[]; secretHours: number },
    now = Date.now(),
  ): { account: SeedServiceAccount; secret: SeedSecret } {
    const account: SeedServiceAccount = {
      clientId: `mdb_sa_id_${this.#freshId()}`,
      orgId,
      name: fields.name,
      description: fields.description,
      createdAt: isoSeconds(now),
      roles: projectRoles(fields.groupId, fields.roles),
      secrets: [],
    };
    const accounts = (this.#data.serviceAccounts ??= []);
    this.#append(accounts, account, [this.#serviceAccounts, account.clientId]);
    return { account, secret: this.addSecret(account, fields.secretHours, now) };
  }

  setServiceAccountDetails(account: SeedServiceAccount, details: { name?: string; description?: string }): void {
    const before = { name: account.name, description: account.description };
    this.#change(
      () => Object.assign(account, details),
      () => Object.assign(account, before),
    );
  }

  addSecret(account: SeedServiceAccount, hours: number, now = Date.now()): SeedSecret {
    const secret: SeedSecret = {
      id: this.#freshId(),
      secret: `mdb_sa_sk_${randomBytes(20).toString('hex')}`,
      createdAt: isoSeconds(now),
      expiresAt: isoSeconds(now + hours * 3_600_000),
    };
    this.#append(account.secrets, secret);
    return secret;
  }

  deleteSecret(account: SeedServiceAccount, secretId: string): void {
    const before = account.secrets;
    this.#change(
      () => (account.secrets = before.filter((s) => s.id !== secretId)),
      () => (account.secrets = before),
    );
  }

  /**
   * Adds the entries not on the account's access list yet (an address already there keeps its record of use) and
   * answers those added.
   */
  addAccessListEntries(account: SeedServiceAccount, entries: readonly { cidrBlock: string; ipAddress?: string }[], now = Date.now()): SeedAccountAccessListEntry[] {
    const before = account.accessList;
    const known = new Set((before ?? []).map((e) => e.cidrBlock));
    const added: SeedAccountAccessListEntry[] = [];
    for (const entry of entries) {
      if (known.has(entry.cidrBlock)) continue;
      known.add(entry.cidrBlock);
      added.push({ ...entry, createdAt: isoSeconds(now), requestCount: 0 });
    }
    if (added.length === 0) return added;
    this.#change(
      () => (account.accessList = [...(before ?? []), ...added]),
      () => (account.accessList = before),
    );
    return added;
  }

  deleteAccessListEntry(account: SeedServiceAccount, cidrBlock: string): void {
    const before = account.accessList;
    this.#change(
      () => (account.accessList = (before ?? []).filter((e) => e.cidrBlock !== cidrBlock)),
      () => (account.accessList = before),
    );
  }

  /** A token issued for `secret`: its last use, kept in memory and written with the next change, as keys' uses are. */
  recordSecretUse(secret: SeedSecret, now = Date.now()): void {
    secret.lastUsedAt = isoSeconds(now);
  }

  setDesc(key: SeedApiKey, desc: string): void {
    const before = key.desc;
    this.#change(
      () => (key.desc = desc),
      () => (key.desc = before),
    );
  }

  /** Events, oldest first, as the events resources read them. */
  get events(): readonly SeedEvent[] {
    return this.#data.events ?? [];
  }

  /** Appends an event that happened now; `id` and `created` are the emulator's. */
  recordEvent(fields: Omit<SeedEvent, 'id' | 'created'>): void {
    const event: SeedEvent = { id: randomBytes(12).toString('hex'), created: new Date().toISOString(), ...fields };
    const events = (this.#data.events ??= []);
    this.#append(events, event);
  }

  /**
   * A request authenticated with `key` from `address`: the access list entry that admits the address counts the
   * use. Kept in memory and written with the next change, so that reads do not each rewrite the data file.
   */
  recordUse(key: SeedApiKey, address: string | undefined): void {
    if (!address) return;
    const entry = key.accessList?.find((e) => addressInEntry(address, e));
    if (!entry) return;
    entry.count += 1;
    entry.lastUsed = isoSeconds(Date.now());
    entry.lastUsedAddress = address;
  }

  /** A change counts only once persisted: if writing fails the change is undone and the error goes to the caller. */
  #change(apply: () => void, undo: () => void): void {
    apply();
    try {
      this.#persist(this.#data);
    } catch (error) {
      undo();
      throw error;
    }
  }

  /** Adds `item` at the end of `list` and to the indexes that find it by a key, all undone if persisting fails. */
  #append<T>(list: T[], item: T, ...indexes: [Map<string, T>, string][]): void {
    this.#change(
      () => {
        list.push(item);
        for (const [index, key] of indexes) index.set(key, item);
      },
      () => {
        list.pop();
        for (const [index, key] of indexes) index.delete(key);
      },
    );
  }

  #freshId(): string {
    for (;;) {
      const id = randomBytes(12).toString('hex');
      if (!this.#keys.has(id) && !this.#teams.has(id) && !this.#data.users.some((u) => u.id === id)) return id;
    }
  }

  #freshPublicKey(): string {
    for (;;) {
      const publicKey = Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('');
      if (!this.#publicKeys.has(publicKey)) return publicKey;
    }
  }
}
