import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PdfFonts } from '../../src/report/render-pdf';

const require = createRequire(import.meta.url);

/** The same TTF files the browser fetches, so the command line prints the same bytes. */
export async function loadNodePdfFonts(): Promise<PdfFonts> {
  const [regular, bold] = await Promise.all([
    readAsBase64('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    readAsBase64('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ]);
  return { regular, bold };
}

async function readAsBase64(specifier: string): Promise<string> {
  return (await readFile(require.resolve(specifier))).toString('base64');
}
