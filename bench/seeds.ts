// The benchmarks' organizations: a project with exactly N keys, and a 500 × 200 audit.
import type { Seed } from '../lib/emulator/seed';
import { generateSeed } from '../lib/emulator/seeds/generate';

/** A generated organization whose first project holds exactly `keysInProject` keys. */
export function seedWithBigProject(keysInProject: number): Seed {
  const seed = generateSeed({ keys: keysInProject + 20, projects: 8 });
  const groupId = seed.projects[0]!.id;
  let kept = 0;
  for (const key of seed.apiKeys) {
    const has = key.roles.some((r) => r.groupId === groupId);
    const wanted = key.id !== seed.consoleKey && kept < keysInProject;
    if (wanted) kept++;
    if (wanted && !has) key.roles.push({ groupId, roleName: 'GROUP_READ_ONLY' });
    if (!wanted && has) key.roles = key.roles.filter((r) => r.groupId !== groupId);
  }
  return seed;
}

export const auditSeed = (): Seed => generateSeed({ keys: 500, projects: 200 });
