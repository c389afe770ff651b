import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnswersFile } from '../../src/domain/answers';
import { i18n, i18nReady } from '../../src/i18n/i18n';
import type { Language } from '../../src/i18n/languages';
import { formatDecimal as formatFormDecimal, parseDecimal } from '../../src/ui/forms/answer-form-values';
import { formatDecimal } from '../../src/ui/format-number';
import { formatLibraryDate, formatLibraryDateTime } from '../../src/ui/library/library-format';
import { labelRespondent, labelRole } from '../../src/ui/respondent-label';
import { buildQuestionnaire } from '../domain/fixtures';

beforeAll(async () => {
  await i18nReady;
});

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

async function speak(language: Language) {
  await i18n.changeLanguage(language);
}

describe('dates of the library', () => {
  it.each([
    ['fr', '2026-03-01T12:00:00Z', '1er mars 2026'],
    ['fr', '2026-11-20T12:00:00Z', '20 novembre 2026'],
    ['en', '2026-03-01T12:00:00Z', '1 March 2026'],
    ['en', '2026-11-20T12:00:00Z', '20 November 2026'],
  ] as const)('in %s, %s reads « %s »', async (language, iso, expected) => {
    await speak(language);
    expect(formatLibraryDate(iso)).toBe(expected);
  });

  it('keeps the French ordinal in a date with a time, and English without it', async () => {
    expect(formatLibraryDateTime('2026-03-01T12:00:00Z')).toMatch(/^1er mars 2026/);
    await speak('en');
    expect(formatLibraryDateTime('2026-03-01T12:00:00Z')).toMatch(/^1 March 2026/);
  });
});

describe('numbers', () => {
  it.each([
    ['fr', 1.25, '1,25'],
    ['fr', 0.5, '0,5'],
    ['en', 1.25, '1.25'],
    ['en', 1.3333, '1.33'],
  ] as const)('in %s, the divergence %s is written %s', async (language, value, expected) => {
    await speak(language);
    expect(formatDecimal(value)).toBe(expected);
  });

  it.each([
    ['fr', '12,5', 12.5],
    ['fr', '12.5', 12.5],
    ['fr', '1 000', 1000],
    ['fr', '1,000', 1],
    ['en', '12.5', 12.5],
    ['en', '12,5', 12.5],
    ['en', '1,000', 1000],
    ['en', '12,500.5', 12500.5],
    ['en', 'douze', undefined],
  ] as const)('in %s, the form reads « %s » as %s', (language, text, expected) => {
    expect(parseDecimal(text, language)).toBe(expected);
  });

  it.each([
    ['fr', 12.5, '12,5'],
    ['en', 12.5, '12.5'],
  ] as const)('in %s, the form shows %s as %s', (language, value, expected) => {
    expect(formatFormDecimal(value, language)).toBe(expected);
  });
});

describe('respondents', () => {
  const questionnaire = buildQuestionnaire();
  const file = (respondent: { name?: string; role?: 'benevole' }) => createAnswersFile(questionnaire, {}, new Date('2026-11-20T10:00:00Z'), { respondent });

  it.each([
    ['fr', {}, false, 'Répondant·e 3'],
    ['fr', { name: 'Camille', role: 'benevole' }, false, 'Répondant·e 3 · Bénévole'],
    ['fr', { name: 'Camille', role: 'benevole' }, true, 'Camille · Bénévole'],
    ['en', {}, false, 'Respondent 3'],
    ['en', { name: 'Camille', role: 'benevole' }, false, 'Respondent 3 · Volunteer'],
    ['en', { name: 'Camille', role: 'benevole' }, true, 'Camille · Volunteer'],
  ] as const)('in %s, %o (names shown: %s) reads « %s »', async (language, respondent, showNames, expected) => {
    await speak(language);
    expect(labelRespondent(file(respondent), 3, { showNames })).toBe(expected);
  });

  it('names an unspecified role in each language', async () => {
    expect(labelRole('unspecified')).toBe('Rôle non précisé');
    await speak('en');
    expect(labelRole('unspecified')).toBe('Role not given');
  });
});
