import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { AnswersFileSchema, type AnswersFile } from '../../src/domain/answers';
import { buildShareLink, decodeSharePayload, findShareLinks, readShareLinkPayload, SHARE_LINK_PREFIX } from '../../src/data/share-link';

const PERSONA_DIR = path.join(REPO_ROOT, 'tests/fixtures/personas');
const personas: [string, AnswersFile][] = readdirSync(PERSONA_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, AnswersFileSchema.parse(JSON.parse(readFileSync(path.join(PERSONA_DIR, name), 'utf8')))]);

const PAGE = 'https://asso.example.org/outils/trajectoires/';
const DAMAGED = /incomplet ou abîmé : il a peut-être été coupé en le copiant/;

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * The worst case of lz-string's format, written bit by bit: the letter « a », then `codeCount`
 * codes that each repeat the previous output plus one letter, so the output grows with the square
 * of the codes (compressing a long run of one letter would take minutes to produce the same thing).
 */
function buildRepeatedLetterPayload(codeCount: number): string {
  const characters: string[] = [];
  let value = 0;
  let filled = 0;
  const write = (code: number, bitCount: number) => {
    for (let bit = 0; bit < bitCount; bit++) {
      value = (value << 1) | ((code >> bit) & 1);
      if (++filled === 6) {
        characters.push(URI_SAFE_ALPHABET.charAt(value));
        value = 0;
        filled = 0;
      }
    }
  };
  write(0, 2);
  write('a'.charCodeAt(0), 8);
  let dictionarySize = 4;
  let bitCount = 3;
  let enlargeIn = 4;
  for (let index = 0; index < codeCount; index++) {
    write(dictionarySize, bitCount);
    dictionarySize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** bitCount;
      bitCount++;
    }
  }
  write(2, bitCount);
  while (filled !== 0) write(0, 1);
  return characters.join('');
}

describe('share links', () => {
  it('finds the six persona files to share', () => {
    expect(personas).toHaveLength(6);
  });

  it.each(personas)('carries %s whole, through the link and back', (_, file) => {
    const link = buildShareLink(file, `${PAGE}#/synthese`);
    expect(link.startsWith(`${PAGE}${SHARE_LINK_PREFIX}`)).toBe(true);
    const payload = readShareLinkPayload(link);
    expect(payload).not.toBeNull();
    expect(decodeSharePayload(payload ?? '')).toEqual({ ok: true, json: file });
  });

  it('stays short enough to paste in a message (express under 1,500 characters, complete under 3,000)', () => {
    const lengths = personas.map(([name, file]) => ({ name, json: JSON.stringify(file).length, link: buildShareLink(file, PAGE).length }));
    console.info(`share link lengths (page address of ${PAGE.length} characters included):\n${lengths.map(({ name, json, link }) => `  ${name}: ${json} characters of JSON → link of ${link}`).join('\n')}`);
    for (const { name, link } of lengths) expect(link, name).toBeLessThan(name.includes('express') ? 1_500 : 3_000);
  });

  it('puts the answers after the page address, replacing any hash it had', () => {
    const [, file] = personas[0]!;
    expect(buildShareLink(file, `${PAGE}#/partage/ancien`)).toBe(buildShareLink(file, PAGE));
    expect(buildShareLink(file, PAGE).split('#')).toHaveLength(2);
  });

  describe('reading the payload of what was pasted or opened', () => {
    const payload = 'N4IgLgTg9g$-+xyz';
    it.each([
      ['a full address', `${PAGE}#/partage/${payload}`, payload],
      ['the hash of the page', `#/partage/${payload}`, payload],
      ['an address with spaces and line breaks around', `  \n ${PAGE}#/partage/${payload} \n\t`, payload],
      ['an address wrapped over two lines by a mail program', `${PAGE}#/partage/N4IgLgTg9g\n   $-+xyz`, payload],
      ['an address between angle brackets', `<${PAGE}#/partage/${payload}>`, payload],
      ['an address ending a sentence', `Voici mes réponses : ${PAGE}#/partage/${payload}.`, payload],
      ['an address whose « $ » was percent-encoded', `${PAGE}#/partage/N4IgLgTg9g%24-+xyz`, payload],
      ['a link cut right after its prefix', `${PAGE}#/partage/`, ''],
      ['an ordinary page address', `${PAGE}#/synthese`, null],
      ['a text that is not a link', 'bonjour', null],
      ['nothing', '   ', null],
    ])('%s', (_, text, expected) => {
      expect(readShareLinkPayload(text)).toBe(expected);
    });
  });

  describe('decoding a payload', () => {
    const [, file] = personas[0]!;
    const goodPayload = compressToEncodedURIComponent(JSON.stringify(file));

    it.each([
      ['an empty payload', '', DAMAGED],
      ['characters lz-string never writes', 'abc!def', DAMAGED],
      ['a payload cut in the middle', goodPayload.slice(0, Math.floor(goodPayload.length / 2)), DAMAGED],
      ['a payload with its last ten characters lost', goodPayload.slice(0, -10), DAMAGED],
      ['a compressed text that is not JSON', compressToEncodedURIComponent('bonjour tout le monde'), /ne contient pas un fichier de réponses lisible/],
      ['a compressed JSON of more than 1 Mo', compressToEncodedURIComponent(JSON.stringify({ note: 'x'.repeat(1_100_000) })), /trop de données/],
    ])('refuses %s, saying why in French', (_, payload, message) => {
      const result = decodeSharePayload(payload);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(message);
    });

    it('builds the repeated-letter payload the way lz-string reads it', () => {
      expect(decompressFromEncodedURIComponent(buildRepeatedLetterPayload(10))).toBe('a'.repeat((11 * 12) / 2));
    });

    it('stops a link of a few kilobytes that would expand to gigabytes before it freezes the page', () => {
      // 60,000 codes of ~16 bits each: 160 kB of payload, 1.8 × 10⁹ characters once decompressed.
      const bomb = buildRepeatedLetterPayload(60_000);
      expect(bomb.length).toBeLessThan(200_000);
      // Without the limit this never returns (or runs out of memory), and the test times out.
      expect(decodeSharePayload(bomb)).toEqual({ ok: false, error: expect.stringMatching(/trop de données/) });
    });

    it('reads any JSON back as lz-string wrote it', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const json = JSON.stringify(value);
          expect(decodeSharePayload(compressToEncodedURIComponent(json))).toEqual({ ok: true, json: JSON.parse(json) });
        }),
      );
    });

    it('agrees with lz-string on damaged payloads: what it reads as JSON is read the same, the rest refused', () => {
      expect(decodeSharePayload('xOLA').ok).toBe(false);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'.split('');
      const payloads = fc.oneof(
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 60 }).map((characters) => characters.join('')),
        fc
          .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom(...alphabet))
          .map(([value, position, character]) => {
            const payload = compressToEncodedURIComponent(JSON.stringify(value));
            const at = position % payload.length;
            return `${payload.slice(0, at)}${character}${payload.slice(at + 1)}`;
          }),
      );
      // The stream's first two bits say how its first character is written (0: 8 bits, 1: 16 bits, 2: end);
      // 3 means nothing, but lz-string's switch falls through and goes on reading after an
      // « undefined » first character (« xOLA » gives "9"). Such a payload is damage: refused here.
      const hasMalformedHeader = (payload: string) => (alphabet.indexOf(payload.charAt(0)) & 48) === 48;
      fc.assert(
        fc.property(payloads, (payload) => {
          let expected: unknown;
          try {
            const decompressed = decompressFromEncodedURIComponent(payload);
            expected = decompressed ? { ok: true, json: JSON.parse(decompressed) } : { ok: false };
          } catch {
            expected = { ok: false };
          }
          const result = decodeSharePayload(payload);
          expect(result.ok ? result : { ok: false }).toEqual(hasMalformedHeader(payload) ? { ok: false } : expected);
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('findShareLinks', () => {
  const link = `https://exemple.org/outil/${SHARE_LINK_PREFIX}N4IgZg9gTgtghgFxALhAqcBWBTAxgiASymwGcA6AE0LgHMA`;
  const other = `https://exemple.org/outil/${SHARE_LINK_PREFIX}M5JhaH0hUhuiBiGyBMiBrdeCWCTBzjBTKbhzdB`;

  it.each([
    ['one link per line', `${link}\n${other}`, [link, other]],
    ['a message around the links, without its prose', `Bonjour,\nVoici mes réponses :\n\n${link}\n\nMerci\nCamille`, [link]],
    ['a link wrapped over lines by a mail program', `${link.slice(0, 60)}\n${link.slice(60)}\nCordialement`, [link]],
    ['another address, kept so that it is refused with its reason', 'https://exemple.org/formulaire', ['https://exemple.org/formulaire']],
    ['nothing in prose alone', 'Je vous envoie le lien demain.', []],
  ])('finds %s', (_name, text, expected) => {
    expect(findShareLinks(text)).toEqual(expected);
  });
});
