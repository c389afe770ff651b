import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import type { PdfFonts } from './render-pdf';

/** Fetched on demand: the two TTF files weigh about 1.4 MB and only the PDF needs them. */
export async function loadPdfFonts(): Promise<PdfFonts> {
  const [regular, bold] = await Promise.all([fetchAsBase64(regularUrl), fetchAsBase64(boldUrl)]);
  return { regular, bold };
}

async function fetchAsBase64(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Impossible de charger la police du rapport (${response.status}).`);
  return encodeBase64(new Uint8Array(await response.arrayBuffer()));
}

// String.fromCharCode on the whole buffer would overflow the call stack; chunks keep it safe.
function encodeBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}
