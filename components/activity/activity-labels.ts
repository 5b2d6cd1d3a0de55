// The words the change history uses for actions and outcomes.
import type { ChangeAction, ChangeOutcomeKind } from '@/lib/api/change-kinds';

export const actionLabels: Record<ChangeAction, string> = {
  create: 'Create',
  assign: 'Assign',
  update_roles: 'Modify roles',
  unassign: 'Unassign',
};

export const outcomeLabels: Record<ChangeOutcomeKind, string> = {
  success: 'Success',
  failure: 'Failure',
  unknown: 'Unknown',
  pending: 'Pending',
};
