import { wrapText } from '../../src/report/wrap-text';

// One unit per character: widths are easy to reason about, and no line may exceed the width.
const byCharacters = (text: string) => Array.from(text).length;
const LONG_NAME = 'Association « Les Amis de l’Œuvre » — Ćirić & Ελλάδα & Ассоциация pour la promotion des cultures urbaines et des arts de la rue';

describe('wrapText', () => {
  it('keeps a short text on one line', () => {
    expect(wrapText('Le Relais des Familles', 40, byCharacters)).toEqual(['Le Relais des Familles']);
  });

  it('wraps a long organisation name at spaces, every line within the width, no word lost', () => {
    const lines = wrapText(LONG_NAME, 30, byCharacters);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(byCharacters(line)).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(LONG_NAME);
  });

  it('cuts a word wider than a line (an address) between characters, never between the halves of a surrogate pair', () => {
    const address = 'https://www.lerameau.fr/wp-content/uploads/2023/10/FDT_ValeurCompétencesCPII-vf.pdf';
    const lines = wrapText(`Voir ${address} 🌍🌍🌍🌍`, 20, byCharacters);
    for (const line of lines) expect(byCharacters(line)).toBeLessThanOrEqual(20);
    expect(lines.join('').replace(/ /g, '')).toBe(`Voir${address}🌍🌍🌍🌍`);
    expect(lines.every((line) => !/[\ud800-\udbff]$/.test(line))).toBe(true);
  });

  it('keeps the line breaks of a long free-text answer and collapses runs of spaces', () => {
    const answer = `Premier paragraphe   avec des espaces.\r\n\r\n${'Un second paragraphe très long. '.repeat(40).trim()}`;
    const lines = wrapText(answer, 50, byCharacters);
    expect(lines[0]).toBe('Premier paragraphe avec des espaces.');
    expect(lines[1]).toBe('');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(byCharacters(line)).toBeLessThanOrEqual(50);
  });

  it('never breaks at a no-break space, so French punctuation stays with its word', () => {
    const lines = wrapText('Une question importante\u00a0?', 24, byCharacters);
    expect(lines).toEqual(['Une question', 'importante\u00a0?']);
  });

  it('gives one empty line for an empty text', () => {
    expect(wrapText('', 10, byCharacters)).toEqual(['']);
  });
});
