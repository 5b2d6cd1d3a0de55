import { describe, expect, it } from 'vitest';
import { wireKey, wirePage, wireProject } from './wire';

describe('wirePage', () => {
  it('builds one page schema per item schema and reuses it on every read', () => {
    expect(wirePage(wireKey)).toBe(wirePage(wireKey));
    expect(wirePage(wireProject)).not.toBe(wirePage(wireKey));
  });

  it('checks the items and the count of a page', () => {
    const page = wirePage(wireProject);
    const project = { id: 'a'.repeat(24), name: 'P', orgId: 'b'.repeat(24) };
    expect(page.parse({ results: [project], totalCount: 1, links: [] })).toEqual({ results: [project], totalCount: 1 });
    expect(page.safeParse({ results: [{ ...project, id: 'x' }], totalCount: 1 }).success).toBe(false);
    expect(page.safeParse({ results: [], totalCount: -1 }).success).toBe(false);
  });
});
