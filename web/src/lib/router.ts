/** Hash routing: `#/case/<id>/<view>/<arg>?k=v`. Small enough not to need a router package. */
import { useEffect, useState } from 'react';

export interface Route {
  caseId?: string;
  view: string;
  arg?: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(queryPart);
  if (parts[0] === 'case' && parts[1])
    return { caseId: parts[1], view: parts[2] ?? 'overview', arg: parts[3], query };
  return { view: parts[0] ?? 'cases', query };
}

export function caseHref(
  caseId: string,
  view = 'overview',
  arg?: string,
  query?: Record<string, string>,
): string {
  let h = `#/case/${encodeURIComponent(caseId)}/${view}`;
  if (arg) h += `/${encodeURIComponent(arg)}`;
  const q = query ? new URLSearchParams(query).toString() : '';
  return q ? `${h}?${q}` : h;
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
