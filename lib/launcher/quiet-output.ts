// What of Next.js's own output reaches the person who ran `npm start`: not its start-up banner (the launcher says
// where the console runs, with the right address), everything after it, and the build's output only when it fails.
import type { Readable, Writable } from 'node:stream';

/** Banner lines `next start` prints before and just after it is ready; the launcher's own lines replace them. */
const bannerLine = /^\s*$|▲ Next\.js|^- (Local|Network):|✓ (Starting|Ready in)|Running next\.config\.\w+ took/;

/** Passes the child's lines through, except its start-up banner. */
export function withoutBanner(from: Readable, to: Writable): void {
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (!isBanner(line)) to.write(`${line}\n`);
  });
  from.on('end', () => {
    if (pending && !isBanner(pending)) to.write(pending);
  });
}

export function isBanner(line: string): boolean {
  // Colours are stripped before matching: Next.js paints its banner.
  return bannerLine.test(line.replace(/\x1b\[[0-9;]*m/g, ''));
}
