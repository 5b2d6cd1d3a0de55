// A console page that does not exist for this person, inside the frame the console layout already draws.
import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/not-found-message';

export const metadata: Metadata = { title: 'Not found' };

export default function ConsoleNotFound() {
  return <NotFoundMessage />;
}
