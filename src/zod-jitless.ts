/**
 * `zod` as the app imports it (vite.config.ts aliases the bare specifier here): the same zod,
 * told never to compile parsers with `new Function`. Our Content-Security-Policy refuses eval, and
 * zod would otherwise probe it while building each object schema, which the browser reports as a
 * violation even though zod then falls back to the same plain parsers. Configured here, the
 * setting precedes every schema of every chunk, whichever loads first.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
