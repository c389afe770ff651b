import type { Plugin } from 'vite';

// One policy for the built page's <meta> and for the hosts' headers (public/_headers, README), so
// that they cannot drift: tests/scripts/csp.test.ts compares them.

/**
 * Everything comes from the site itself: no inline script, no other origin, nothing to post.
 * `img-src data: blob:` for recharts' and jsPDF's generated images; styles are only the built
 * stylesheet (React and recharts set `style` through the CSSOM, which CSP allows).
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Directives a browser ignores, with a console warning, when the policy comes from a <meta>. */
const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [['frame-ancestors', "'none'"]];

const formatPolicy = (directives: ReadonlyArray<readonly string[]>) => directives.map((directive) => directive.join(' ')).join('; ');

/** The policy of the built index.html's <meta http-equiv="Content-Security-Policy">. */
export const META_CONTENT_SECURITY_POLICY = formatPolicy(CSP_DIRECTIVES);

/** The policy a host sends as a header: the same, plus what only a header can say. */
export const HEADER_CONTENT_SECURITY_POLICY = formatPolicy([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/** The other headers worth sending with the site: no MIME sniffing, no referrer to the rare outside link. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', HEADER_CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
];

/** The `_headers` file read by Netlify, Cloudflare Pages and others (public/_headers holds exactly this). */
export function renderHeadersFile(): string {
  return ['/*', ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`)].join('\n') + '\n';
}

/** The <script> elements with a body or without a `src`, inline style attributes and elements, and inline event handlers: all refused by the policy. */
export function findInlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [element, attributes = '', body = ''] = match;
    if (!/\ssrc\s*=/i.test(attributes) || body.trim() !== '') found.push(element.slice(0, 120));
  }
  for (const match of html.matchAll(/<style\b[^>]*>/gi)) found.push(match[0]);
  for (const match of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)\s*=\s*["'][^>]*>/gi)) found.push(match[0].slice(0, 120));
  return found;
}

/** Puts the policy at the top of <head> (after the charset, which must come first), before anything it governs. */
export function injectPolicyMeta(html: string): string {
  const anchor = /<meta\s+charset=[^>]*>/i.test(html) ? /<meta\s+charset=[^>]*>/i : /<head>/i;
  if (!anchor.test(html)) throw new Error('index.html has no <head> for the Content-Security-Policy');
  return html.replace(anchor, (before) => `${before}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
}

/**
 * Adds the policy to the built index.html only (Vite's dev server needs inline scripts for hot
 * reloading), and fails the build when the final page carries inline code the policy would block.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'trajectoires:csp',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: { order: 'post', handler: injectPolicyMeta },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const inline = findInlineCode(String(file.source));
        if (inline.length > 0) this.error(`${file.fileName} has inline code that the Content-Security-Policy blocks:\n${inline.join('\n')}`);
      }
    },
  };
}
