// The words the change history uses for actions and outcomes.
import type { ChangeAction, ChangeOutcome } from './activity-view-state';

export const actionLabels: Record<ChangeAction, string> = {
  create: 'Create',
  assign: 'Assign',
  update_roles: 'Modify roles',
  unassign: 'Unassign',
};

export const outcomeLabels: Record<ChangeOutcome, string> = {
  success: 'Success',
  failure: 'Failure',
  unknown: 'Unknown',
  pending: 'Pending',
};
