// The words the change history uses for actions and outcomes.
import type { ActivityAction, ActivityOrigin, ChangeOutcomeKind } from '@/lib/api/change-kinds';

export const actionLabels: Record<ActivityAction, string> = {
  create: 'Create',
  assign: 'Assign',
  update_roles: 'Modify roles',
  unassign: 'Unassign',
  add_secret: 'New secret',
  delete_secret: 'Delete secret',
  delete: 'Delete',
  change_description: 'Rename',
  change_access_list: 'Access list',
};

export const originLabels: Record<ActivityOrigin, string> = {
  console: 'Through the console',
  outside: 'Outside the console',
};

export const outcomeLabels: Record<ChangeOutcomeKind, string> = {
  success: 'Success',
  failure: 'Failure',
  unknown: 'Unknown',
  pending: 'Pending',
};
