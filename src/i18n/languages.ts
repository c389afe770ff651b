/** The interface languages. French is the default and the source of every catalogue. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Each language's BCP 47 tag, for `Intl` formatting and `<html lang>`. */
export const LANGUAGE_TAGS: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Each language named in itself, for the switcher (a person looks for their own language's name). */
export const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The namespaces (one catalogue each). Only `common` is in the first load; the others load with their view. */
export const NAMESPACES = ['common', 'group', 'compare', 'report', 'pwa', 'pages'] as const;
export type Namespace = (typeof NAMESPACES)[number];
