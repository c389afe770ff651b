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

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word with its box, in millimetres from the top-left corner of its page. */
export function extractPdfWords(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const mm = (points: string) => (Number(points) * 25.4) / 72;
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (match) words.push({ page, xMin: mm(match[1] ?? ''), yMin: mm(match[2] ?? ''), xMax: mm(match[3] ?? ''), yMax: mm(match[4] ?? ''), text: match[5] ?? '' });
  }
  return words;
}
