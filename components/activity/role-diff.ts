// Splits a change's roles into those kept, removed and added, the way the history shows before → after.
export interface RoleDiff {
  kept: string[];
  removed: string[];
  added: string[];
}

export function diffRoles(before: readonly string[], after: readonly string[]): RoleDiff {
  const was = new Set(before);
  const now = new Set(after);
  return {
    kept: [...was].filter((r) => now.has(r)),
    removed: [...was].filter((r) => !now.has(r)),
    added: [...now].filter((r) => !was.has(r)),
  };
}
