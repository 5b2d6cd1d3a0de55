// The change history's queries over outside events and their read marks, and the newest-first page both timelines are
// read in; the same on PGlite and PostgreSQL.
import 'server-only';
import { and, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ChangeRecord as ActivityEntry } from '@/lib/api/activity';
import { outsideEvent, outsideFilter, type OutsideEvent, type OutsideFilter } from './outside-event';
import { eventReadMarks, outsideEvents, type keyChanges } from './schema';

type Db = PgDatabase<PgQueryResultHKT>;

/** Rows per insert: PostgreSQL takes at most 65,535 parameters in one statement. */
const insertChunk = 1_000;

function toEntry(row: typeof outsideEvents.$inferSelect): ActivityEntry {
  const at = row.createdAt.toISOString();
  return {
    id: row.id,
    origin: 'outside',
    createdAt: at,
    completedAt: at,
    actor: row.actor,
    action: row.action,
    groupId: row.groupId,
    kind: row.kind,
    apiKeyId: null,
    publicKey: row.publicKey,
    clientId: row.clientId,
    secretId: null,
    keyDesc: null,
    rolesBefore: [],
    rolesAfter: [],
    outcome: 'success',
    errorCode: null,
    detail: null,
    settledBy: null,
    eventType: row.eventType,
    remoteAddress: row.remoteAddress,
  };
}

/**
 * Stores one scope's events and moves its mark to `readTo`, together: a read is either kept whole or read again.
 * An event stored already, by this instance or another sharing the database, is skipped; a mark never moves back.
 */
export async function saveOutsideEvents(db: Db, scope: string, readTo: Date, input: readonly OutsideEvent[]): Promise<number> {
  const events = input.map((event) => outsideEvent.parse(event));
  return db.transaction(async (tx) => {
    let added = 0;
    for (let start = 0; start < events.length; start += insertChunk) {
      const rows = await tx
        .insert(outsideEvents)
        .values(events.slice(start, start + insertChunk))
        .onConflictDoNothing({ target: outsideEvents.id })
        .returning({ id: outsideEvents.id });
      added += rows.length;
    }
    await tx
      .insert(eventReadMarks)
      .values({ scope, readTo })
      .onConflictDoUpdate({ target: eventReadMarks.scope, set: { readTo: sql`greatest(${eventReadMarks.readTo}, excluded.read_to)` } });
    return added;
  });
}

export async function readMarks(db: Db): Promise<Map<string, Date>> {
  const rows = await db.select().from(eventReadMarks);
  return new Map(rows.map((row) => [row.scope, row.readTo]));
}

export async function listOutsideEvents(db: Db, input: OutsideFilter): Promise<{ results: ActivityEntry[]; totalCount: number }> {
  const filter = outsideFilter.parse(input);
  const inProjects = filter.groupIds === undefined ? sql`${outsideEvents.groupId} is not null` : inArray(outsideEvents.groupId, [...filter.groupIds]);
  const where = and(
    filter.withOrgEvents ? or(inProjects, isNull(outsideEvents.groupId)) : inProjects,
    filter.actor === undefined ? undefined : eq(sql`lower(${outsideEvents.actor})`, filter.actor),
    filter.action === undefined ? undefined : eq(outsideEvents.action, filter.action),
    filter.from === undefined ? undefined : gte(outsideEvents.createdAt, filter.from),
    filter.to === undefined ? undefined : lt(outsideEvents.createdAt, filter.to),
  );
  const { rows, totalCount } = await newestFirst(db, outsideEvents, where, filter);
  return { results: rows.map(toEntry), totalCount };
}

type Timeline = typeof keyChanges | typeof outsideEvents;

/** One page of a timeline table, newest first, and how many rows match in all. */
export async function newestFirst<T extends Timeline>(
  db: Db,
  table: T,
  where: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<{ rows: T['$inferSelect'][]; totalCount: number }> {
  const timeline: Timeline = table;
  const [rows, [total]] = await Promise.all([
    db.select().from(timeline).where(where).orderBy(desc(timeline.createdAt), desc(timeline.id)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(timeline).where(where),
  ]);
  // The rows are the given table's: the union above only spares Drizzle a generic table it cannot type.
  return { rows: rows as T['$inferSelect'][], totalCount: total?.value ?? 0 };
}
