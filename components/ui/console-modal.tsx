// The console's dialog: Mantine's Modal (focus trap, Escape, focus returned), and a fallback when the opener is gone.
import { Modal, type ModalProps } from '@mantine/core';
import type { RefObject } from 'react';

interface Props extends ModalProps {
  /** Where focus goes when the button that opened the dialog no longer exists (its row was just removed). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

export function ConsoleModal({ fallbackFocus, onExitTransitionEnd, ...props }: Props) {
  return (
    <Modal
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      {...props}
      onExitTransitionEnd={() => {
        onExitTransitionEnd?.();
        if (!document.activeElement || document.activeElement === document.body) fallbackFocus?.current?.focus();
      }}
    />
  );
}
