// The Admin API's paging: pageNum, itemsPerPage and includeCount in, `{links, results, totalCount}` out.
import { z } from 'zod';
import { apiError } from './errors';

const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .optional()
    .transform((n) => n ?? fallback);

const pagingSchema = z.object({
  pageNum: whole('pageNum', 1, Number.MAX_SAFE_INTEGER, 1),
  itemsPerPage: whole('itemsPerPage', 1, 500, 100),
  includeCount: z
    .string()
    .regex(/^(true|false)$/i, 'includeCount must be true or false')
    .optional()
    .transform((v) => v?.toLowerCase() !== 'false'),
});

export type Paging = z.infer<typeof pagingSchema>;

export function parsePaging(query: URLSearchParams): Paging {
  const result = pagingSchema.safeParse({
    pageNum: query.get('pageNum') ?? undefined,
    itemsPerPage: query.get('itemsPerPage') ?? undefined,
    includeCount: query.get('includeCount') ?? undefined,
  });
  if (!result.success) throw apiError('VALIDATION_ERROR', result.error.issues[0]?.message ?? 'invalid paging parameters');
  return result.data;
}

interface Link {
  href: string;
  rel: 'self' | 'next' | 'previous';
}

export interface PageBody<T> {
  links: Link[];
  results: T[];
  /** Omitted with includeCount=false, as upstream. */
  totalCount?: number;
}

/** One page of `items`; `url` is the absolute request URL, whose other query parameters the links keep. */
export function page<T>(items: readonly T[], paging: Paging, url: URL): PageBody<T> {
  const { pageNum, itemsPerPage, includeCount } = paging;
  const link = (rel: Link['rel'], num: number): Link => {
    const href = new URL(url);
    href.searchParams.set('pageNum', String(num));
    href.searchParams.set('itemsPerPage', String(itemsPerPage));
    return { href: href.toString(), rel };
  };
  const start = (pageNum - 1) * itemsPerPage;
  const links = [link('self', pageNum)];
  if (pageNum > 1) links.push(link('previous', pageNum - 1));
  if (start + itemsPerPage < items.length) links.push(link('next', pageNum + 1));
  const results = items.slice(start, start + itemsPerPage);
  return includeCount ? { links, results, totalCount: items.length } : { links, results };
}
