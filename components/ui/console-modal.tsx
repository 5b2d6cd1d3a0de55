// The console's dialog: Mantine's Modal (focus trap, Escape, focus returned), and the one footer its forms end with.
import { Alert, Button, Group, Modal, type ModalProps } from '@mantine/core';
import type { RefObject } from 'react';
import { FailureText } from './error-state';

interface Props extends ModalProps {
  /** Where focus goes when the button that opened the dialog no longer exists (its row was just removed). */
  fallbackFocus?: RefObject<HTMLElement | null>;
  /** A request is running: the dialog stays open so that it can say how the request ended. */
  busy?: boolean;
}

export function ConsoleModal({ fallbackFocus, busy = false, onClose, onExitTransitionEnd, ...props }: Props) {
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
      {failure?.error && (
        <Alert color="red" variant="light" title={failure.title} role="alert">
          <FailureText error={failure.error} />
        </Alert>
      )}
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
