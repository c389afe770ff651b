import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { questionnaireIndexQueryOptions } from '../data/questionnaire-queries';
import { ContentErrorPage } from './error-page';
import { messages } from './messages';

interface WelcomePageProps {
  onStart: (questionnaireId: string) => void;
  onImport: (file: File) => void;
  onOpenGroup: () => void;
  importErrors: readonly string[];
  /** The diagnoses saved on this device (src/ui/library). */
  library?: ReactNode;
}

export function WelcomePage({ onStart, onImport, onOpenGroup, importErrors, library }: WelcomePageProps) {
  const index = useQuery(questionnaireIndexQueryOptions);
  const fileInputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = `${messages.appName} – ${messages.appTagline}`;
  }, []);
  if (index.isError) {
    const error = index.error as Error & { details?: string[] };
    return <ContentErrorPage message={error.message} details={error.details ?? []} onRetry={() => void index.refetch()} />;
  }
  const questionnaires = index.data ?? [];

  return (
    <div className="welcome">
      <h1>{messages.welcome.heading}</h1>
      <p className="lead">{messages.welcome.intro}</p>

      <ul className="welcome-facts">
        <li>{messages.welcome.privacy}</li>
        <li>{messages.welcome.advice}</li>
      </ul>

      {library}

      <section aria-labelledby="choose-heading">
        <h2 id="choose-heading">{messages.welcome.chooseHeading}</h2>
        {index.isPending ? <p>{messages.welcome.loading}</p> : null}
        <div className="questionnaire-choices">
          {questionnaires.map((questionnaire) => (
            <article key={questionnaire.id} className="card questionnaire-choice" aria-labelledby={`choice-${questionnaire.id}`}>
              <h3 id={`choice-${questionnaire.id}`}>{questionnaire.title}</h3>
              <p className="choice-duration">{messages.welcome.duration(questionnaire.durationMinutes)}</p>
              {questionnaire.description ? <p>{questionnaire.description}</p> : null}
              <button
                type="button"
                className="button button-primary"
                onClick={() => onStart(questionnaire.id)}
              >
                {messages.welcome.startQuestionnaire(questionnaire.title)}
              </button>
            </article>
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{messages.welcome.importHeading}</h2>
        <p>{messages.welcome.importHelp}</p>
        {importErrors.length > 0 ? (
          <div className="error-summary" role="alert">
            <p>
              <strong>{messages.welcome.importFailed}</strong>
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
          {messages.welcome.importButton}
        </button>
      </section>

      <section className="card" aria-labelledby="group-heading">
        <h2 id="group-heading">{messages.welcome.groupHeading}</h2>
        <p>{messages.welcome.groupHelp}</p>
        <button type="button" className="button button-secondary" onClick={onOpenGroup}>
          {messages.welcome.groupButton}
        </button>
      </section>
    </div>
  );
}
