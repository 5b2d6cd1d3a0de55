// Which key dialog is open and for which key; the key is kept while a dialog closes so its content can fade out.
import { useCallback, useState } from 'react';
import type { ApiKey } from '@/lib/api/schemas';

export type KeyDialog = 'create' | 'assign' | 'edit' | 'unassign';

export function useKeyDialogs() {
  const [state, setState] = useState<{ open: KeyDialog | null; key?: ApiKey }>({ open: null });
  const open = useCallback((dialog: KeyDialog, key?: ApiKey) => setState({ open: dialog, key }), []);
  const close = useCallback(() => setState((s) => ({ ...s, open: null })), []);
  return { openDialog: state.open, target: state.key, open, close };
}
