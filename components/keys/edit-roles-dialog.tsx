// The "Edit roles" dialog of one key; its form starts from the key's roles as the row showed them.
import type { RefObject } from 'react';
import { ConsoleModal } from '@/components/ui/console-modal';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { EditRolesForm } from './edit-roles-form';
import type { ProjectRef } from './use-key-list-cache';

interface Props {
  opened: boolean;
  apiKey: ApiKey | undefined;
  onClose: () => void;
  onUnassignInstead: (key: ApiKey) => void;
  project: ProjectRef;
  flavor: Flavor;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function EditRolesDialog({ opened, apiKey, onClose, onUnassignInstead, project, flavor, fallbackFocus }: Props) {
  return (
    <ConsoleModal opened={opened && Boolean(apiKey)} onClose={onClose} title="Edit roles" fallbackFocus={fallbackFocus}>
      {apiKey && (
        <EditRolesForm
          key={apiKey.id}
          apiKey={apiKey}
          project={project}
          flavor={flavor}
          onDone={onClose}
          onCancel={onClose}
          onUnassignInstead={() => onUnassignInstead(apiKey)}
        />
      )}
    </ConsoleModal>
  );
}
