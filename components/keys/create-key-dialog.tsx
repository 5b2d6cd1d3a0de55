// "Create API key": the form, then the one-time reveal; closing drops the private key from memory and the mutation cache.
import { useState, type RefObject } from 'react';
import { ConsoleModal } from '@/components/ui/console-modal';
import type { Flavor } from '@/lib/roles';
import { CreateKeyForm } from './create-key-form';
import { PrivateKeyReveal } from './private-key-reveal';
import { useCreateKey } from './use-create-key';
import type { ProjectRef } from './use-key-list-cache';

interface Props {
  opened: boolean;
  onClose: () => void;
  project: ProjectRef;
  flavor: Flavor;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function CreateKeyDialog({ opened, onClose, project, flavor, fallbackFocus }: Props) {
  const { mutation, forget } = useCreateKey(project);
  const [saved, setSaved] = useState(false);
  const created = mutation.data;
  // While the request runs, closing would lose the answer and with it the only copy of the private key;
  // once it is shown, the reveal cannot be dismissed by accident until the person confirms it is saved.
  const dismissable = !mutation.isPending && (!created || saved);
  const close = () => {
    if (dismissable) onClose();
  };
  // Forgetting swaps the reveal back to the form, so it waits until the dialog has faded out (the form would
  // otherwise take focus while closing); unmounting before then drops the mutation anyway (gcTime 0).
  const forgetAfterClose = () => {
    forget();
    setSaved(false);
  };
  return (
    <ConsoleModal
      opened={opened}
      onClose={close}
      title="Create API key"
      closeOnEscape={dismissable}
      closeOnClickOutside={dismissable}
      withCloseButton={dismissable}
      fallbackFocus={fallbackFocus}
      onExitTransitionEnd={forgetAfterClose}
    >
      {created ? (
        <PrivateKeyReveal apiKey={created} saved={saved} onSavedChange={setSaved} onDone={close} />
      ) : (
        <CreateKeyForm
          flavor={flavor}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(body) => mutation.mutate(body)}
          onCancel={close}
        />
      )}
    </ConsoleModal>
  );
}
