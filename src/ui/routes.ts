/** The addresses of the app's views (hash routes, so any static host serves them without rewrites). */
export const HOME_HASH = '#/';
export const GROUP_HASH = '#/groupe';
export const PROJECTION_HASH = '#/groupe/projection';
