import { SHARE_LINK_PREFIX } from '../data/share-link-prefix';

/** The addresses of the app's views (hash routes, so any static host serves them without rewrites). */
export const HOME_HASH = '#/';
export const GROUP_HASH = '#/groupe';
export const PROJECTION_HASH = '#/groupe/projection';
export const DATA_HASH = '#/vos-donnees';
export const ACCESSIBILITY_HASH = '#/accessibilite';
const COMPARE_HASH_PREFIX = '#/comparer/';

/** The comparison of two diagnoses of the library, older first: a reload or a bookmark reopens it. */
export function buildCompareHash(olderId: string, newerId: string): string {
  return `${COMPARE_HASH_PREFIX}${encodeURIComponent(olderId)}/${encodeURIComponent(newerId)}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

export function readCompareHash(hash: string): { olderId: string; newerId: string } | null {
  if (!hash.startsWith(COMPARE_HASH_PREFIX)) return null;
  const [olderId, newerId, ...rest] = hash.slice(COMPARE_HASH_PREFIX.length).split('/').map(decodeSegment);
  return olderId && newerId && rest.length === 0 ? { olderId, newerId } : null;
}

/** A share link carries answers after its prefix; the page that reads them loads when one is opened. */
export function isShareLinkHash(hash: string): boolean {
  return hash.replace(/\s+/g, '').includes(SHARE_LINK_PREFIX);
}
