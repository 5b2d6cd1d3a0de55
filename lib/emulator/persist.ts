// Atomic, durable file writes: a crash or `kill -9` at any moment leaves either the old or the new file, never a torn one.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, text: string): void {
  // Per-process name: two emulators pointed at one file must not interleave their half-written temp files.
  const temp = `${file}.${process.pid}.tmp`;
  // 0600: the state holds private keys.
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename lives in the directory: sync it too, so the new name survives a power cut and not only a killed process.
  const dir = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
