import { execFileSync } from 'node:child_process';

/** The text as a reader copies it, with every run of white space (no-break spaces included) made one space. */
export function extractPdfText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...pages, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
}

/** `pdfinfo` as a record: Title, Author, Pages… */
export function readPdfInfo(file: string): Record<string, string> {
  const output = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    output.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match?.[1] !== undefined && match[2] !== undefined ? [[match[1].trim(), match[2].trim()]] : [];
    }),
  );
}
