import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsBuild } from './needs-build';

function project(files: string[]) {
  const root = mkdtempSync(path.join(tmpdir(), 'needs-build-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  }
  return root;
}

const touch = (root: string, file: string, secondsFromNow: number) => {
  const at = new Date(Date.now() + secondsFromNow * 1000);
  utimesSync(path.join(root, file), at, at);
};

describe('needsBuild', () => {
  it('builds when there is no build yet', () => {
    expect(needsBuild(project(['app/page.tsx']))).toBe(true);
  });

  it.each(['app/page.tsx', 'lib/x.ts', 'components/y.tsx', 'proxy.ts', 'next.config.mjs', 'lib/static-headers.mjs', 'package-lock.json', 'tsconfig.json'])(
    'builds again when %s is newer than the build',
    (source) => {
      const root = project([source, '.next/BUILD_ID']);
      touch(root, '.next/BUILD_ID', -60);
      touch(root, source, -120);
      expect(needsBuild(root)).toBe(false);
      touch(root, source, 0);
      expect(needsBuild(root)).toBe(true);
    },
  );
});
