/** The API's pagination: `?limit=&cursor=` in, `{ items, next }` out with `next` as a link (and a Link header). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../store/index.js';

export { PageQuery } from '../../contract/index.js';

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
