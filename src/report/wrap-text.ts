/**
 * Splits a text into lines no wider than `width`, as measured by `measureWidth` (jsPDF's text
 * width in the PDF, a character count in tests). Lines break at plain spaces only, so a
 * no-break space keeps French punctuation with its word; a word wider than a whole line (an
 * address, a long name without spaces) is cut between characters rather than overflowing.
 * Line breaks typed by the person are kept.
 */
export function wrapText(text: string, width: number, measureWidth: (text: string) => number): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, width, measureWidth));
}

// Widths add up (the PDF sets text without kerning): each word is measured once, not each candidate line.
function wrapParagraph(paragraph: string, width: number, measureWidth: (text: string) => number): string[] {
  const words = paragraph.split(/[ \t]+/).filter((word) => word !== '');
  if (words.length === 0) return [''];
  const spaceWidth = measureWidth(' ');
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of words) {
    const wordWidth = measureWidth(word);
    if (current !== '' && currentWidth + spaceWidth + wordWidth <= width) {
      current = `${current} ${word}`;
      currentWidth += spaceWidth + wordWidth;
      continue;
    }
    if (current !== '') lines.push(current);
    if (wordWidth <= width) {
      current = word;
      currentWidth = wordWidth;
      continue;
    }
    const pieces = cutWord(word, width, measureWidth);
    lines.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
    currentWidth = measureWidth(current);
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Cuts between code points (never inside a surrogate pair); each piece holds at least one character. */
function cutWord(word: string, width: number, measureWidth: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of Array.from(word)) {
    if (piece !== '' && measureWidth(piece + character) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
