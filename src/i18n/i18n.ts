/**
 * The one i18next instance of the app. French `common` is bundled (the first paint needs it);
 * every other catalogue, and all of English, is a chunk fetched when first used.
 */
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import common from './locales/fr/common';
import { DEFAULT_LANGUAGE, LANGUAGE_TAGS, isLanguage, type Language } from './languages';
import { LANGUAGE_STORAGE_KEY, readStoredLanguage } from './stored-language';

export { LANGUAGE_STORAGE_KEY };

export const i18n = i18next.createInstance();

/** Resolves once the stored (or default) language's `common` catalogue is ready. */
export const i18nReady = i18n
  .use(resourcesToBackend((language: string, namespace: string) => import(`./locales/${language}/${namespace}.ts`)))
  .use(initReactI18next)
  .init({
    lng: readStoredLanguage() ?? DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['fr', 'en'],
    ns: ['common'],
    defaultNS: 'common',
    resources: { fr: { common } },
    // French `common` is bundled above; the backend fetches the rest.
    partialBundledLanguages: true,
    // React escapes what it renders; the PDF is not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined' && isLanguage(language)) document.documentElement.lang = language;
});

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

/** Switches the interface language and remembers the choice on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but switched: the next visit opens in French.
  }
}

/** The `Intl` tag of the current language (dates and numbers). */
export function currentLocaleTag(): string {
  return LANGUAGE_TAGS[currentLanguage()];
}
