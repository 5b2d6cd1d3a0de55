// People of a project or of the organization with their roles, teams and membership, read from either version's answer into one shape.
import 'server-only';
import { z } from 'zod';
import { objectId } from '@/lib/api/object-id-schema';
import type { RoleAssignment } from '@/lib/api/schemas';
import { wireRole } from './wire';

export interface AtlasUser {
  id: string;
  username: string;
  emailAddress?: string;
  firstName?: string;
  lastName?: string;
  roles: RoleAssignment[];
  /** The organization's teams the person is in (organization lists only; empty in project lists). */
  teamIds: string[];
  /** ACTIVE, or PENDING / INVITATION_EXPIRED / INVITATION_REJECTED for someone invited who has not joined. */
  orgMembershipStatus: string;
}

const userBase = {
  id: objectId,
  username: z.string().min(1),
  emailAddress: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  teamIds: z.array(objectId).default([]),
};

/** v1.0 lists members only (invitations are a resource of their own there), so everyone listed is ACTIVE. */
const memberOnly = { orgMembershipStatus: z.string().min(1).default('ACTIVE') };

/** v2 (2025-02-19) lists invited people too, with the state of their invitation. */
const withStatus = { orgMembershipStatus: z.string().min(1) };

/** v1.0 (and Cloud / Ops Manager): every role of the person, each with its groupId or orgId. */
const wireUserV1 = z.object({ ...userBase, ...memberOnly, roles: z.array(wireRole) });

/** Atlas v2, project users: role names in that project only. */
const wireProjectUserV2 = z.object({ ...userBase, ...withStatus, roles: z.array(z.string().min(1)) });

/** Atlas v2, organization users: organization roles and, per project, that project's roles. */
const wireOrgUserV2 = z.object({
  ...userBase,
  ...withStatus,
  roles: z.object({
    orgRoles: z.array(z.string().min(1)).default([]),
    groupRoleAssignments: z.array(z.object({ groupId: objectId, groupRoles: z.array(z.string().min(1)).default([]) })).default([]),
  }),
});

export function projectUserSchema(v2: boolean, groupId: string) {
  if (!v2) return wireUserV1;
  return wireProjectUserV2.transform(({ roles, ...user }) => ({ ...user, roles: roles.map((roleName) => ({ groupId, roleName })) }));
}

export function orgUserSchema(v2: boolean, orgId: string) {
  if (!v2) return wireUserV1;
  return wireOrgUserV2.transform(({ roles, ...user }) => ({
    ...user,
    roles: [
      ...roles.orgRoles.map((roleName) => ({ orgId, roleName })),
      ...roles.groupRoleAssignments.flatMap((a) => a.groupRoles.map((roleName) => ({ groupId: a.groupId, roleName }))),
    ],
  }));
}
