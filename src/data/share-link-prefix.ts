/** Where a share link's answers start; kept apart so that the router can tell a share link without loading lz-string. */
export const SHARE_LINK_PREFIX = '#/partage/';
