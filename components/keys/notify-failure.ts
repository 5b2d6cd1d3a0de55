// The one way a failed key mutation is announced: what failed, and the console's or upstream's own sentence.
import { notifications } from '@mantine/notifications';

export function notifyFailure(title: string, error: Error) {
  notifications.show({ color: 'red', title, message: error.message, autoClose: 8000 });
}

export function notifySuccess(title: string, message: string) {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}
