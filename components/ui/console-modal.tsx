// The console's dialog: Mantine's Modal (focus trap, Escape, focus returned), and the one footer its forms end with.
import { Alert, Button, Group, Modal, type ModalProps } from '@mantine/core';
import type { RefObject } from 'react';
import { FailureText } from './error-state';

/** What every dialog of a page is given: whether it is open, how to close it, and where focus goes after. */
export interface DialogProps {
  opened: boolean;
  onClose: () => void;
  /** Where focus goes when the button that opened the dialog no longer exists (its row was just removed). */
  fallbackFocus: RefObject<HTMLElement | null>;
}

interface Props extends ModalProps {
  fallbackFocus?: DialogProps['fallbackFocus'];
  /** The dialog's request: while it runs the dialog stays open, so that it can say how it ended; it is forgotten once the dialog has closed. */
  request?: { isPending: boolean; reset: () => void };
  /** Something else the person must finish before the dialog may close (a secret not saved yet). */
  busy?: boolean;
}

export function ConsoleModal({ fallbackFocus, request, busy: unfinished = false, onClose, onExitTransitionEnd, ...props }: Props) {
  const busy = unfinished || Boolean(request?.isPending);
  return (
    <Modal
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
      withCloseButton={!busy}
      {...props}
      onClose={() => {
        if (!busy) onClose();
      }}
      onExitTransitionEnd={() => {
        request?.reset();
        onExitTransitionEnd?.();
        if (!document.activeElement || document.activeElement === document.body) fallbackFocus?.current?.focus();
      }}
    />
  );
}

interface FooterProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** Why the request failed, under the title that says what did not happen; the one place a failed request is told. */
  failure?: { title: string; error: Error | null };
  disabled?: boolean;
  color?: string;
  /** For a destructive action, Cancel takes the focus when the dialog opens. */
  focusCancel?: boolean;
}

/** The end of a dialog's form: why the last request failed, then Cancel and the submit button. */
export function DialogFooter({ submitLabel, pending, onCancel, failure, disabled, color, focusCancel }: FooterProps) {
  return (
    <>
      {failure && <FailureAlert {...failure} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={pending} data-autofocus={focusCancel || undefined}>
          Cancel
        </Button>
        <Button type="submit" color={color} loading={pending} disabled={disabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

/** Why a request failed, under a title that says what did not happen. */
export function FailureAlert({ title, error }: { title: string; error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <FailureText error={error} />
    </Alert>
  );
}
