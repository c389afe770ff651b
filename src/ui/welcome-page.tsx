import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { DraftLoadResult } from '../data/draft-storage';
import { questionnaireIndexQueryOptions } from '../data/questionnaire-queries';
import { findWizardStep } from '../domain/wizard-steps';
import { saveFile } from '../report/save-file';
import { ContentErrorPage } from './error-page';
import { messages } from './messages';

const STEP_NAMES: Record<string, string> = {
  profile: 'Votre structure',
  project: 'Votre projet',
  humanResources: 'Richesses humaines',
  financialResources: 'Ressources financières',
  strategicAlliances: 'Alliances stratégiques',
  priorities: 'Vos priorités',
  synthesis: 'Synthèse',
};

interface WelcomePageProps {
  draft: DraftLoadResult;
  onStart: (questionnaireId: string) => void;
  onResume: () => void;
  onDiscardDraft: () => void;
  onImport: (file: File) => void;
  onOpenGroup: () => void;
  importErrors: readonly string[];
}

export function WelcomePage({ draft, onStart, onResume, onDiscardDraft, onImport, onOpenGroup, importErrors }: WelcomePageProps) {
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

      {draft.status === 'found' ? (
        <section className="card resume-card" aria-labelledby="resume-heading">
          <h2 id="resume-heading">{messages.welcome.resumeHeading}</h2>
          <p>
            {messages.welcome.resumeDetails(
              draft.draft.organisationName || 'Organisation sans nom',
              STEP_NAMES[findWizardStep(draft.draft.step).state] ?? '',
              new Date(draft.draft.file.updatedAt).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' }),
            )}
          </p>
          <div className="step-actions">
            <button type="button" className="button button-primary" onClick={onResume}>
              {messages.welcome.resume}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                if (window.confirm(messages.welcome.restartConfirm)) onDiscardDraft();
              }}
            >
              {messages.welcome.restart}
            </button>
          </div>
        </section>
      ) : null}

      {draft.status === 'corrupted' ? (
        <section className="card warning-card" aria-labelledby="corrupted-heading">
          <h2 id="corrupted-heading">{messages.welcome.corruptedHeading}</h2>
          <p>{messages.welcome.corruptedText}</p>
          <div className="step-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => saveFile(new Blob([draft.raw], { type: 'text/plain' }), 'sauvegarde-illisible.txt')}
            >
              {messages.welcome.corruptedDownload}
            </button>
            <button type="button" className="button button-secondary" onClick={onDiscardDraft}>
              {messages.welcome.restart}
            </button>
          </div>
        </section>
      ) : null}

      {draft.status === 'unavailable' ? (
        <p className="notice warning-card" role="note">
          {messages.welcome.unavailable}
        </p>
      ) : null}

      <ul className="welcome-facts">
        <li>{messages.welcome.privacy}</li>
        <li>{messages.welcome.advice}</li>
      </ul>

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
                className={draft.status === 'found' ? 'button button-secondary' : 'button button-primary'}
                onClick={() => {
                  if (draft.status !== 'found' || window.confirm(messages.welcome.restartConfirm)) onStart(questionnaire.id);
                }}
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
            if (file && (draft.status !== 'found' || window.confirm(messages.welcome.importConfirm))) onImport(file);
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
