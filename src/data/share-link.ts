import { compressToEncodedURIComponent } from 'lz-string';
import type { AnswersFile } from '../domain/answers';
import { FRENCH_ANSWER_MESSAGES, type AnswerMessages } from '../domain/answer-messages';
import { MAX_ANSWERS_FILE_BYTES } from './import-answers-file';
import { SHARE_LINK_PREFIX } from './share-link-prefix';

/** The answers travel in the fragment, which browsers never send to a server. */
export { SHARE_LINK_PREFIX };

export type DecodeSharePayloadResult = { ok: true; json: unknown } | { ok: false; error: string };

// lz-string's URI-safe alphabet: 64 symbols of 6 bits each.
const PAYLOAD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const PAYLOAD_PATTERN = /^[A-Za-z0-9+\-$]*/;

export function buildShareLink(file: AnswersFile, pageUrl: string): string {
  const [pageWithoutHash = ''] = pageUrl.split('#');
  return `${pageWithoutHash}${SHARE_LINK_PREFIX}${compressToEncodedURIComponent(JSON.stringify(file))}`;
}

/**
 * The compressed answers of a share link, from a full address, a hash or a pasted text. Mail
 * programs wrap long links over several lines and surround them with « < > » or a final full stop,
 * so whitespace inside is dropped and the payload stops at the first character it cannot contain.
 * Null when the text is not a share link at all; an empty string for a link cut right after its prefix.
 */
export function readShareLinkPayload(urlOrHash: string): string | null {
  const text = urlOrHash.replace(/\s+/g, '');
  const start = text.indexOf(SHARE_LINK_PREFIX);
  if (start === -1) return null;
  let payload = text.slice(start + SHARE_LINK_PREFIX.length);
  // Some programs percent-encode « $ » or « + » when they copy a link.
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      // A stray « % » is damage like any other; the payload is then read up to it.
    }
  }
  return PAYLOAD_PATTERN.exec(payload)?.[0] ?? '';
}

/** The JSON a share link carries, or a sentence (French by default) saying why it cannot be read. */
export function decodeSharePayload(payload: string, messages: AnswerMessages = FRENCH_ANSWER_MESSAGES): DecodeSharePayloadResult {
  const decompressed = decompressPayload(payload.trim(), MAX_ANSWERS_FILE_BYTES);
  if (decompressed === 'too-large') return { ok: false, error: messages('shareLink.tooLarge') };
  if (decompressed === null || decompressed === '') return { ok: false, error: messages('shareLink.damaged') };
  if (new TextEncoder().encode(decompressed).length > MAX_ANSWERS_FILE_BYTES) return { ok: false, error: messages('shareLink.tooLarge') };
  try {
    return { ok: true, json: JSON.parse(decompressed) };
  } catch {
    // A link cut in the middle often still decompresses, into the beginning of the JSON.
    return { ok: false, error: messages(decompressed.trimStart().startsWith('{') ? 'shareLink.damaged' : 'shareLink.notJson') };
  }
}

/**
 * lz-string's decompressFromEncodedURIComponent, stopping as soon as the output passes
 * `maxLength` characters. The library builds its whole output before we could measure it, and its
 * dictionary lets a link of a few kilobytes expand quadratically into gigabytes that would freeze
 * the tab. Null for a payload that is not valid lz-string data. Checked against the library by a
 * property test.
 */
function decompressPayload(payload: string, maxLength: number): string | null | 'too-large' {
  if (payload === '') return null;
  const values: number[] = [];
  for (const character of payload) {
    const value = PAYLOAD_ALPHABET.indexOf(character);
    if (value === -1) return null;
    values.push(value);
  }

  const resetValue = 32;
  let currentValue = values[0] ?? 0;
  let position = resetValue;
  let index = 1;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << count; power <<= 1) {
      const bit = currentValue & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        currentValue = values[index++] ?? 0;
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let bitCount = 3;
  let outputLength = 0;
  const output: string[] = [];

  const first = readBits(2);
  if (first === 2) return '';
  if (first !== 0 && first !== 1) return null;
  let previous = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary.push(previous);
  output.push(previous);
  outputLength = previous.length;

  for (;;) {
    // Like the library: past the end, bits read as zeros and the next code is refused.
    if (index > values.length) return null;
    let code = readBits(bitCount);
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(readBits(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      enlargeIn--;
    } else if (code === 2) {
      return output.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** bitCount;
      bitCount++;
    }

    let entry: string;
    if (code < dictionary.length && code > 2) {
      entry = dictionary[code] ?? '';
    } else if (code === dictionary.length) {
      entry = previous + previous.charAt(0);
    } else {
      return null;
    }
    outputLength += entry.length;
    if (outputLength > maxLength) return 'too-large';
    output.push(entry);

    dictionary.push(previous + entry.charAt(0));
    enlargeIn--;
    previous = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** bitCount;
      bitCount++;
    }
  }
}

// A line of at least 16 characters of lz-string's URI-safe alphabet continues a wrapped link;
// shorter ones are more likely a word (« Merci », « Cordialement ») than the tail of a link.
const PAYLOAD_LINE_PATTERN = /^[A-Za-z0-9+\-$]{16,}$/;

/**
 * The share links in pasted text: a message, a list, links wrapped over several lines by a mail
 * program. A line with the share prefix starts a link, a following long line of payload characters
 * continues it, another address is kept (so that it can be refused with its reason), and prose
 * (« Voici mes réponses : ») is left out.
 */
export function findShareLinks(text: string): string[] {
  const links: string[] = [];
  let isInLink = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      isInLink = false;
    } else if (line.includes(SHARE_LINK_PREFIX)) {
      links.push(line);
      isInLink = true;
    } else if (isInLink && PAYLOAD_LINE_PATTERN.test(line)) {
      links[links.length - 1] += line;
    } else {
      isInLink = false;
      if (/^\S+:\/\/\S+$/.test(line) || line.startsWith('#/')) links.push(line);
    }
  }
  return links;
}
