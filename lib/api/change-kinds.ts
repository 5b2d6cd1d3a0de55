// The change history's actions and outcomes, apart from its zod contract so the browser's filters can list them without zod.

export const changeActions = ['create', 'assign', 'update_roles', 'unassign'] as const;
export const changeOutcomes = ['pending', 'success', 'failure', 'unknown'] as const;

export type ChangeAction = (typeof changeActions)[number];
export type ChangeOutcomeKind = (typeof changeOutcomes)[number];
