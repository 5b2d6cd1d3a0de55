// Text from outside (a path, a person's input, an error that quotes it) made safe for one log line.
import 'server-only';
import { controlCharacter } from '@/lib/api/text-rules';

const everyControl = new RegExp(controlCharacter.source, 'g');

/** Control characters become \uXXXX, so nobody can forge a log line or send a terminal escape. */
export function escapeForLog(text: string): string {
  return text.replace(everyControl, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
