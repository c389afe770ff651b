import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';

/**
 * The two languages, each named in itself and marked with its `lang` so that a screen reader
 * pronounces « English » in English. Switching mid-diagnosis changes the words, never the answers.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <nav className="language-switcher" aria-label={t('language.label')}>
      <ul>
        {LANGUAGES.map((candidate) => (
          <li key={candidate}>
            <button
              type="button"
              className="button button-link"
              lang={candidate}
              aria-pressed={candidate === language}
              onClick={() => void chooseLanguage(candidate)}
            >
              {LANGUAGE_NAMES[candidate]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
