import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeIndexEntry, questionnaireIndexQueryOptions } from '../data/questionnaire-queries';
import { LANGUAGE_TAGS } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';
import { ContentErrorPage } from './error-page';

interface WelcomePageProps {
  onStart: (questionnaireId: string) => void;
  onImport: (file: File) => void;
  onOpenGroup: () => void;
  importErrors: readonly string[];
  /** The diagnoses saved on this device (src/ui/library). */
  library?: ReactNode;
}

export function WelcomePage({ onStart, onImport, onOpenGroup, importErrors, library }: WelcomePageProps) {
  const { t } = useTranslation();
  const index = useQuery(questionnaireIndexQueryOptions);
  const fileInputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = `${t('appName')} – ${t('appTagline')}`;
  }, [t]);
  if (index.isError) {
    const error = index.error as Error & { details?: string[] };
    return <ContentErrorPage message={error.message} details={error.details ?? []} onRetry={() => void index.refetch()} />;
  }
  const language = useLanguage();
  // A questionnaire not yet translated is still offered, in its own language and said so.
  const questionnaires = (index.data ?? []).map((entry) => ({
    ...localizeIndexEntry(entry, language),
    sourceLanguage: (entry.languages ?? ['fr'])[0] ?? 'fr',
    isInLanguage: (entry.languages ?? ['fr']).includes(language),
  }));

  return (
    <div className="welcome">
      <h1>{t('welcome.heading')}</h1>
      <p className="lead">{t('welcome.intro')}</p>

      <ul className="welcome-facts">
        <li>{t('welcome.privacy')}</li>
        <li>{t('welcome.advice')}</li>
      </ul>

      {library}

      <section aria-labelledby="choose-heading">
        <h2 id="choose-heading">{t('welcome.chooseHeading')}</h2>
        {index.isPending ? <p>{t('welcome.loading')}</p> : null}
        <div className="questionnaire-choices">
          {questionnaires.map((questionnaire) => (
            <article key={questionnaire.id} className="card questionnaire-choice" aria-labelledby={`choice-${questionnaire.id}`}>
              <h3 id={`choice-${questionnaire.id}`} lang={questionnaire.isInLanguage ? undefined : questionnaire.sourceLanguage}>
                {questionnaire.title}
              </h3>
              <p className="choice-duration">{t('welcome.duration', { minutes: questionnaire.durationMinutes })}</p>
              {questionnaire.isInLanguage ? null : (
                <p className="choice-language">
                  {t('welcome.notTranslated', { language: new Intl.DisplayNames([LANGUAGE_TAGS[language]], { type: 'language' }).of(questionnaire.sourceLanguage) ?? questionnaire.sourceLanguage })}
                </p>
              )}
              {questionnaire.description ? <p lang={questionnaire.isInLanguage ? undefined : questionnaire.sourceLanguage}>{questionnaire.description}</p> : null}
              <button
                type="button"
                className="button button-primary"
                onClick={() => onStart(questionnaire.id)}
              >
                {t('welcome.startQuestionnaire', { title: questionnaire.title })}
              </button>
            </article>
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('welcome.importHeading')}</h2>
        <p>{t('welcome.importHelp')}</p>
        {importErrors.length > 0 ? (
          <div className="error-summary" role="alert">
            <p>
              <strong>{t('welcome.importFailed')}</strong>
            </p>
            <ul>
              {importErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <input
          ref={fileInputRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onImport(file);
          }}
        />
        <button type="button" className="button button-secondary" onClick={() => fileInputRef.current?.click()}>
          {t('welcome.importButton')}
        </button>
      </section>

      <section className="card" aria-labelledby="group-heading">
        <h2 id="group-heading">{t('welcome.groupHeading')}</h2>
        <p>{t('welcome.groupHelp')}</p>
        <button type="button" className="button button-secondary" onClick={onOpenGroup}>
          {t('welcome.groupButton')}
        </button>
      </section>
    </div>
  );
}
