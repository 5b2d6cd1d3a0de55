// The change history's actions and outcomes, apart from its zod contract so the browser's filters can list them without zod.

/** add_secret and delete_secret are service accounts' (a rotation is one of each); the others are both kinds'. */
export const changeActions = ['create', 'assign', 'update_roles', 'unassign', 'add_secret', 'delete_secret'] as const;
/** What a change is about: an API key or a service account. */
export const principalKinds = ['key', 'serviceAccount'] as const;
export const changeOutcomes = ['pending', 'success', 'failure', 'unknown'] as const;

/** What else the Admin API's key events tell of, for changes made outside the console. */
export const outsideActions = ['delete', 'change_description', 'change_access_list'] as const;
export const activityActions = [...changeActions, ...outsideActions] as const;
/** Made through the console (its own record), or seen in the Admin API's events and not caused by the console. */
export const activityOrigins = ['console', 'outside'] as const;

export type ChangeAction = (typeof changeActions)[number];
export type PrincipalKind = (typeof principalKinds)[number];
export type ActivityAction = (typeof activityActions)[number];
export type ActivityOrigin = (typeof activityOrigins)[number];
export type ChangeOutcomeKind = (typeof changeOutcomes)[number];
