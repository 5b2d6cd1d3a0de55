// The four key dialogs of a project page, mounted for people who may manage its keys only.
import { useMounted } from '@mantine/hooks';
import type { RefObject } from 'react';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { AssignKeyDialog } from './assign-key-dialog';
import { CreateKeyDialog } from './create-key-dialog';
import { EditRolesDialog } from './edit-roles-dialog';
import { UnassignKeyDialog } from './unassign-key-dialog';
import type { ProjectRef } from './key-mutations';

export type KeyDialog = 'create' | 'assign' | 'edit' | 'unassign';

interface Props {
  openDialog: KeyDialog | null;
  target: ApiKey | undefined;
  open: (dialog: KeyDialog, key?: ApiKey) => void;
  close: () => void;
  project: ProjectRef;
  flavor: Flavor;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function KeyDialogs({ openDialog: requested, target, open, close, project, flavor, fallbackFocus }: Props) {
  // Loaded on demand, these may mount after the click that opens one: a modal mounted already open would not know
  // where to return focus, so each opens one render after mounting, while focus is still on the button.
  const mounted = useMounted();
  const openDialog = mounted ? requested : null;
  const common = { onClose: close, project, fallbackFocus };
  return (
    <>
      <CreateKeyDialog opened={openDialog === 'create'} flavor={flavor} {...common} />
      <AssignKeyDialog opened={openDialog === 'assign'} flavor={flavor} {...common} />
      <EditRolesDialog
        opened={openDialog === 'edit'}
        apiKey={target}
        flavor={flavor}
        onUnassignInstead={(key) => open('unassign', key)}
        {...common}
      />
      <UnassignKeyDialog opened={openDialog === 'unassign'} apiKey={target} {...common} />
    </>
  );
}
