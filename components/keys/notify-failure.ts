// How a key mutation's outcome is announced when no dialog shows it: what happened, and what to do about a failure.
import { notifications } from '@mantine/notifications';
import { adviceFor } from '@/lib/api/failure-advice';

export function notifyFailure(title: string, error: Error) {
  const { what, todo, detail } = adviceFor(error);
  notifications.show({ color: 'red', title, message: [what, todo, detail].filter(Boolean).join(' '), autoClose: 8000 });
}

export function notifySuccess(title: string, message: string) {
  notifications.show({ color: 'green', title, message, autoClose: 4000 });
}
