import { describe, expect, it } from 'vitest';
import { jsonOf, share } from './answer-memo';
import { UpstreamError } from './errors';
import { gatherPages, pageSize, type Page } from './paging';
import { upstreamFailure } from './testing/upstream-failure';

const item = (n: number) => ({ id: n.toString(16).padStart(24, '0') });
const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => item(from + i));

/** A well-behaved upstream over `total` items, with a hook to spoil one page. */
function pages(total: number, spoil: (pageNum: number, page: Page<{ id: string }>) => Page<{ id: string }> = (_, p) => p) {
  const asked: number[] = [];
  const fetchPage = async (pageNum: number) => {
    asked.push(pageNum);
    const from = (pageNum - 1) * pageSize;
    return share(spoil(pageNum, { results: items(from, Math.max(0, Math.min(pageSize, total - from))), totalCount: total }));
  };
  return { asked, fetchPage };
}

describe('gatherPages', () => {
  it('gathers every page, asking each exactly once', async () => {
    const upstream = pages(1_100);
    const list = await gatherPages('GET /x', upstream.fetchPage);
    expect(list.totalCount).toBe(1_100);
    expect(list.results).toHaveLength(1_100);
    expect(list.results.map((r) => r.id)).toEqual(items(0, 1_100).map((r) => r.id));
    expect(upstream.asked).toEqual([1, 2, 3]);
  });

  it('returns a list of one page as that page, and a longer one shared too', async () => {
    const one = pages(3);
    const page = await one.fetchPage(1);
    const list = await gatherPages('GET /x', async () => page);
    expect(list).toBe(page);
    const long = await gatherPages('GET /x', pages(1_100).fetchPage);
    expect(Object.isFrozen(long.results)).toBe(true);
    expect(JSON.parse(Buffer.from(jsonOf(long)!).toString())).toEqual({ results: items(0, 1_100), totalCount: 1_100 });
  });

  it('asks once for an empty list and once for exactly one full page', async () => {
    for (const total of [0, pageSize]) {
      const upstream = pages(total);
      expect((await gatherPages('GET /x', upstream.fetchPage)).results).toHaveLength(total);
      expect(upstream.asked).toEqual([1]);
    }
  });

  it('refuses more results than totalCount', async () => {
    const error = await upstreamFailure(gatherPages('GET /x', pages(3, (_, p) => ({ ...p, results: items(0, 4) })).fetchPage));
    expect(error.kind).toBe('invalid-response');
    expect(error.detail).toContain('page 1: 4 results where totalCount 3 allows 3');
  });

  it('refuses a short page before the end', async () => {
    const upstream = pages(1_100, (n, p) => (n === 2 ? { ...p, results: p.results.slice(0, 499) } : p));
    expect((await upstreamFailure(gatherPages('GET /x', upstream.fetchPage))).detail).toContain('page 2: only 499 of the 500 results');
    expect(upstream.asked).toEqual([1, 2]);
  });

  it('refuses an empty last page', async () => {
    const upstream = pages(1_100, (n, p) => (n === 3 ? { ...p, results: [] } : p));
    expect((await upstreamFailure(gatherPages('GET /x', upstream.fetchPage))).detail).toContain('page 3: only 0 of the 100 results');
  });

  it('refuses a total that changes while paging', async () => {
    const upstream = pages(1_100, (n, p) => (n === 3 ? { ...p, totalCount: 1_101 } : p));
    expect((await upstreamFailure(gatherPages('GET /x', upstream.fetchPage))).detail).toContain('totalCount changed from 1100 to 1101');
  });

  it('refuses an id that appears twice', async () => {
    const upstream = pages(1_000, (n, p) => (n === 2 ? { ...p, results: [item(3), ...p.results.slice(1)] } : p));
    const error = await upstreamFailure(gatherPages('GET /x', upstream.fetchPage));
    expect(error.detail).toContain(`id ${item(3).id} appears twice`);
    expect(error.errorCode).toBe('INVALID_UPSTREAM_RESPONSE');
  });

  it('passes a failing page on', async () => {
    const upstream = pages(2_000, (n, p) => {
      if (n === 3) throw new UpstreamError({ kind: 'network', status: 502, errorCode: 'X', detail: 'down', reason: 'Bad Gateway' });
      return p;
    });
    expect((await upstreamFailure(gatherPages('GET /x', upstream.fetchPage))).kind).toBe('network');
  });
});
