/**
 * Starts loading the case named in the address before React has even been evaluated, so the first view
 * does not wait for the framework to boot before asking the server. Imported first by main.tsx.
 */
import { endpoints } from '../api/endpoints.js';
import type { CaseDocument } from '../api/types.js';

let early: { id: string; promise: Promise<CaseDocument> } | undefined;

const match = /^#\/case\/([^/?]+)/.exec(window.location.hash);
if (match) {
  const id = decodeURIComponent(match[1]!);
  const promise = endpoints.getCase(id);
  promise.catch(() => undefined); // handled by whoever takes it
  early = { id, promise };
}

/** The early request for this case, once; later loads go to the server as usual. */
export function takeEarlyCase(id: string): Promise<CaseDocument> | undefined {
  if (early?.id !== id) return undefined;
  const { promise } = early;
  early = undefined;
  return promise;
}
