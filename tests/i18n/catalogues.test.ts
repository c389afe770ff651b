import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES, type Namespace } from '../../src/i18n/languages';

type Catalogue = { [key: string]: string | Catalogue };

async function loadCatalogue(language: string, namespace: Namespace): Promise<Catalogue> {
  const module = (await import(`../../src/i18n/locales/${language}/${namespace}.ts`)) as { default: Catalogue };
  return module.default;
}

/** Every leaf as a dotted key, the way i18next finds it. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(path, value);
    else for (const [childKey, childValue] of flatten(value, path)) leaves.set(childKey, childValue);
  }
  return leaves;
}

/** The names a string interpolates: `{{count}}`, and `{{count, number}}` names `count` too. */
function listVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((match) => match[1]!))].sort();
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

describe.each(NAMESPACES)('the %s catalogues', (namespace) => {
  it('have the same keys in every language', async () => {
    const french = flatten(await loadCatalogue('fr', namespace));
    for (const language of LANGUAGES) {
      const other = flatten(await loadCatalogue(language, namespace));
      expect([...other.keys()].sort(), `${language}/${namespace}`).toEqual([...french.keys()].sort());
    }
  });

  it('interpolate the same variables in every language, key by key', async () => {
    const french = flatten(await loadCatalogue('fr', namespace));
    for (const language of LANGUAGES) {
      const other = flatten(await loadCatalogue(language, namespace));
      const differing = [...french].filter(([key, text]) => listVariables(text).join() !== listVariables(other.get(key) ?? '').join()).map(([key]) => key);
      expect(differing, `${language}/${namespace}`).toEqual([]);
    }
  });

  it('have no empty string', async () => {
    for (const language of LANGUAGES) {
      const empty = [...flatten(await loadCatalogue(language, namespace))].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, `${language}/${namespace}`).toEqual([]);
    }
  });

  it('give every plural its "other" form', async () => {
    for (const language of LANGUAGES) {
      const keys = new Set(flatten(await loadCatalogue(language, namespace)).keys());
      const orphans = [...keys].filter((key) => PLURAL_SUFFIX.test(key) && !keys.has(key.replace(PLURAL_SUFFIX, '_other')));
      expect(orphans, `${language}/${namespace}`).toEqual([]);
    }
  });
});

describe('listVariables', () => {
  it.each([
    ['Étape {{index}} sur {{total}} · {{title}}', ['index', 'title', 'total']],
    ['Afficher les {{count, number}} autres', ['count']],
    ['{{ name }} et {{name}}', ['name']],
    ['Aucune variable', []],
  ])('reads %s', (text, expected) => {
    expect(listVariables(text)).toEqual(expected);
  });
});
