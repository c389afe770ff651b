import { SHARE_LINK_PREFIX } from '../data/share-link-prefix';

/** The addresses of the app's views (hash routes, so any static host serves them without rewrites). */
export const HOME_HASH = '#/';
export const GROUP_HASH = '#/groupe';
export const PROJECTION_HASH = '#/groupe/projection';

/** A share link carries answers after its prefix; the page that reads them loads when one is opened. */
export function isShareLinkHash(hash: string): boolean {
  return hash.replace(/\s+/g, '').includes(SHARE_LINK_PREFIX);
}
