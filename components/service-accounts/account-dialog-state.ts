// Which service account dialog is open, and for which account.
import type { ServiceAccount } from '@/lib/api/service-accounts';

export type AccountDialog = 'create' | 'invite' | 'edit' | 'remove' | 'rotate';

export interface AccountDialogState {
  open: AccountDialog | null;
  account?: ServiceAccount;
}
