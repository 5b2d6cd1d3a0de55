// Gathers every page of an Admin API list, and refuses pages that do not add up rather than returning a truncated list.
import 'server-only';
import { share, type Shared } from './answer-memo';
import { invalidResponse } from './errors';

/** The largest page the Admin API serves, so a list costs ⌈total / 500⌉ calls. */
export const pageSize = 500;

export interface Page<T> {
  results: T[];
  totalCount: number;
}

export async function gatherPages<T extends { id: string }>(
  what: string,
  fetchPage: (pageNum: number) => Promise<Shared<Page<T>>>,
): Promise<Shared<Page<T>>> {
  const results: T[] = [];
  const seen = new Set<string>();
  let totalCount = 0;
  // One page at a time: Digest nonce counts must reach the upstream in order, or a page costs a second round trip.
  for (let pageNum = 1; pageNum === 1 || results.length < totalCount; pageNum += 1) {
    const page = await fetchPage(pageNum);
    if (pageNum === 1) totalCount = page.totalCount;
    const fail = (problem: string) => invalidResponse(what, `page ${pageNum}: ${problem}`);
    if (page.totalCount !== totalCount) throw fail(`totalCount changed from ${totalCount} to ${page.totalCount} while paging`);
    // Every page but the last is full, so each page's length is known in advance.
    const expected = Math.min(pageSize, totalCount - results.length);
    if (page.results.length > expected) throw fail(`${page.results.length} results where totalCount ${totalCount} allows ${expected}`);
    if (page.results.length < expected) throw fail(`only ${page.results.length} of the ${expected} results totalCount ${totalCount} promises`);
    for (const item of page.results) {
      if (seen.has(item.id)) throw fail(`id ${item.id} appears twice`);
      seen.add(item.id);
      results.push(item);
    }
    // A list that fits one page is that page, so an unchanged answer keeps its one serialization.
    if (pageNum === 1 && results.length === totalCount) return page;
  }
  return share({ results, totalCount });
}
