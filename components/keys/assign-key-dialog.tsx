// The "Assign existing key" dialog; its form starts afresh each time the dialog opens.
import type { RefObject } from 'react';
import { ConsoleModal } from '@/components/ui/console-modal';
import type { Flavor } from '@/lib/roles';
import { AssignKeyForm } from './assign-key-form';
import type { ProjectRef } from './use-key-list-cache';

interface Props {
  opened: boolean;
  onClose: () => void;
  project: ProjectRef;
  flavor: Flavor;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function AssignKeyDialog({ opened, onClose, project, flavor, fallbackFocus }: Props) {
  return (
    <ConsoleModal opened={opened} onClose={onClose} title="Assign existing key" fallbackFocus={fallbackFocus}>
      <AssignKeyForm project={project} flavor={flavor} onDone={onClose} onCancel={onClose} />
    </ConsoleModal>
  );
}
