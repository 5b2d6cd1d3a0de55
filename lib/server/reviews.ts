// Signing an audit review (people who see the whole organization) and listing past ones; the snapshot is the matrix as signed.
import 'server-only';
import type { AuditReport } from '@/lib/api/audit';
import type { Review, ReviewInput, ReviewList, ReviewSnapshot } from '@/lib/api/reviews';
import { changesBetween } from '@/lib/api/reviews';
import { resolveOrgRoles } from './access';
import type { Person } from '@/lib/auth/session';
import { consoleError } from '@/lib/console-errors';
import { auditFor } from './audit';
import { getChangeStore } from '@/lib/services';

const defaultThresholds = { manyProjects: 3, manyOwnerKeys: 2, manyOrgOwnerKeys: 2, unusedDays: 90 };

async function requireWholeOrg(person: Person): Promise<void> {
  if (!(await resolveOrgRoles(person.email)).includes('ORG_OWNER')) {
    throw consoleError('USER_UNAUTHORIZED');
  }
}

export function snapshotOf(report: Pick<AuditReport, 'keys' | 'serviceAccounts'>): ReviewSnapshot {
  return {
    keys: Object.fromEntries(report.keys.map((k) => [k.id, { publicKey: k.publicKey, desc: k.desc, projects: k.projects }])),
    serviceAccounts: Object.fromEntries(report.serviceAccounts.map((a) => [a.clientId, { name: a.name, projects: a.projects }])),
  };
}

export async function signReview(person: Person, { note }: ReviewInput): Promise<Review> {
  await requireWholeOrg(person);
  const report = await auditFor(person, defaultThresholds);
  const store = await getChangeStore();
  return store.recordReview({ reviewer: person.email, note: note || undefined, snapshot: snapshotOf(report) });
}

export async function listReviews(person: Person): Promise<ReviewList> {
  await requireWholeOrg(person);
  return (await getChangeStore()).listReviews(100);
}

/** What changed since the review, among the projects, keys and service accounts the report shows. */
export async function changesSince(reviewId: string, report: AuditReport): Promise<NonNullable<AuditReport['changesSince']>> {
  const before = await (await getChangeStore()).reviewSnapshot(reviewId);
  if (!before) throw consoleError('RESOURCE_NOT_FOUND', reviewId);
  const shown = new Set(report.projects.map((p) => p.id));
  const inShown = <T extends { projects: Record<string, string[]> }>(signed: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(signed).map(([id, principal]) => [id, { ...principal, projects: Object.fromEntries(Object.entries(principal.projects).filter(([g]) => shown.has(g))) }]),
    );
  const visible: ReviewSnapshot = { keys: inShown(before.keys), ...(before.serviceAccounts ? { serviceAccounts: inShown(before.serviceAccounts) } : {}) };
  return changesBetween(visible, snapshotOf(report));
}
