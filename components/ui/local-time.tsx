'use client';
// A moment in the reader's own locale and time zone, which only the browser knows: a page rendered on the server shows
// it in UTC until it runs, so the HTML and the hydrating render agree wherever the reader is.
import { useMounted } from '@mantine/hooks';

export function LocalTime({ value }: { value: string }) {
  const mounted = useMounted();
  const at = new Date(value);
  return <time dateTime={at.toISOString()}>{mounted ? at.toLocaleString() : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`}</time>;
}
