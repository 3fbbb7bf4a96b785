/** The API's pagination: `?limit=&cursor=` in, `{ items, next }` out with `next` as a link (and a Link header). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Page } from '../store/index.js';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional().describe('Items per page, 1–500 (default 50).'),
  cursor: z.string().max(500).optional().describe('The `next` cursor of the previous page.'),
});

export function pageOf<T>(
  page: Page<T>,
  request: FastifyRequest,
  reply: FastifyReply,
): { items: T[]; next: string | null } {
  if (page.next === null) return { items: page.items, next: null };
  const url = new URL(request.url, 'http://local');
  url.searchParams.set('cursor', page.next);
  const next = `${url.pathname}${url.search}`;
  void reply.header('link', `<${next}>; rel="next"`);
  return { items: page.items, next };
}
