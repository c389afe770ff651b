import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findFirstIncompleteStep, type AnswersFile } from '../domain/answers';
import type { DiagnosisLibrary, LibraryEntry } from '../data/diagnosis-library';
import type { GroupStorage } from '../data/group-storage';
import { ContentLoadError, describeLoadFailure, questionnaireQueryOptions, toolkitQueryOptions } from '../data/questionnaire-queries';
import type { Questionnaire } from '../domain/questionnaire-schema';
import { useLanguage } from '../i18n/use-language';
import { WizardActorContext } from '../machine/wizard-actor-context';
import { DiagnosisFileContext, buildDiagnosisFile, type DiagnosisFileInfo } from './diagnosis-file';
import { useAnswerMessages } from './answer-messages';
import { ContentErrorPage } from './error-page';
import { LibraryAutosave } from './library/library-autosave';
import { OpenDiagnosisContext, type OpenDiagnosisControls } from './library/open-diagnosis-context';
import { useTranslation } from 'react-i18next';
import { PROJECTION_HASH } from './routes';
import type { Session } from './session';
import { RespondentFields } from './wizard/respondent-fields';
import { WizardShell } from './wizard/wizard-shell';

/** The wizard around one open diagnosis: its questionnaire loaded, saved as it changes, the workshop's banner. */

export interface WorkshopControls {
  notice: string | null;
  /** Tests pass their own; the app uses the page's default group storage, loaded on demand. */
  groupStorage: GroupStorage | undefined;
  onNextParticipant: (file: AnswersFile) => Promise<void>;
  onStop: () => void;
}

export function WizardLoader({
  session,
  library,
  workshop,
  controls,
  onRespondentChange,
  onSaved,
  onReload,
  onNewDiagnosis,
  onLeave,
}: {
  session: Session;
  library: DiagnosisLibrary;
  workshop: WorkshopControls | null;
  controls: OpenDiagnosisControls | null;
  onRespondentChange: (respondent: DiagnosisFileInfo['respondent']) => void;
  onSaved: (entry: LibraryEntry, isStillOpen: boolean) => void;
  onReload: (id: string) => void;
  onNewDiagnosis: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answerMessages = useAnswerMessages();
  // A switch of language keeps the words on screen until the other language's arrive: the wizard
  // (and its machine, which holds the answers) stays mounted through it.
  const questionnaire = useQuery({ ...questionnaireQueryOptions(session.questionnaireId, language), placeholderData: keepPreviousData });
  // Loaded now, with the questionnaire, so that the synthesis works even if the network drops later.
  const toolkit = useQuery({ ...toolkitQueryOptions(language), placeholderData: keepPreviousData });
  const fileInfo = useMemo<DiagnosisFileInfo>(
    () => ({ createdAt: session.createdAt, respondent: session.respondent, lastChange: session.lastChange }),
    [session.createdAt, session.respondent, session.lastChange],
  );
  const failed = questionnaire.error ?? toolkit.error;
  // Once the wizard runs, it holds the answers: a language that fails to load leaves it on the
  // words it has (told above it), never unmounted, which would restart it from the opening answers.
  const shownQuestionnaire = useRef<Questionnaire | undefined>(undefined);
  if (questionnaire.data) shownQuestionnaire.current = questionnaire.data;
  if (failed && !shownQuestionnaire.current) {
    return (
      <ContentErrorPage
        message={describeLoadFailure(failed, answerMessages)}
        details={failed instanceof ContentLoadError ? failed.details : []}
        onRetry={() => {
          void questionnaire.refetch();
          void toolkit.refetch();
        }}
      />
    );
  }
  const wizardQuestionnaire = shownQuestionnaire.current;
  if (!wizardQuestionnaire) return <p className="loading">{t('welcome.loading')}</p>;
  return (
    <DiagnosisFileContext.Provider value={fileInfo}>
      <OpenDiagnosisContext.Provider value={controls}>
        <WizardActorContext.Provider options={{ input: { questionnaire: wizardQuestionnaire, answers: session.answers, resumeAt: session.resumeAt, pathProgress: session.pathProgress } }}>
          {failed ? (
            <p className="warning-card" role="alert">
              {describeLoadFailure(failed, answerMessages)}
            </p>
          ) : null}
          <QuestionnaireLanguage questionnaire={wizardQuestionnaire} />
          <LibraryAutosave library={library} entry={session.entry} fileInfo={fileInfo} onSaved={onSaved} onReload={onReload} />
          {session.notices.length > 0 ? <OpeningNotice notices={session.notices} /> : null}
          {workshop ? <WorkshopBanner workshop={workshop} fileInfo={fileInfo} /> : null}
          <WizardShell
            onNewDiagnosis={onNewDiagnosis}
            onLeave={onLeave}
            profileIntro={<RespondentFields respondent={session.respondent} onChange={onRespondentChange} />}
          />
        </WizardActorContext.Provider>
      </OpenDiagnosisContext.Provider>
    </DiagnosisFileContext.Provider>
  );
}

/** Gives the running wizard the questionnaire in the language just chosen: new words, same answers and step. */
function QuestionnaireLanguage({ questionnaire }: { questionnaire: Questionnaire }) {
  const wizard = WizardActorContext.useActorRef();
  useEffect(() => {
    if (wizard.getSnapshot().context.questionnaire !== questionnaire) wizard.send({ type: 'questionnaire.translated', questionnaire });
  }, [questionnaire, wizard]);
  return null;
}

/** What the person must know about the diagnosis just opened; dismissed once read. */
function OpeningNotice({ notices }: { notices: readonly string[] }) {
  const { t } = useTranslation();
  const [isDismissed, setIsDismissed] = useState(false);
  // A live region already filled when it appears is not read out: the words go in once it is there.
  const [isFilled, setIsFilled] = useState(false);
  useEffect(() => setIsFilled(true), []);
  if (isDismissed) return null;
  const [first, ...details] = notices;
  return (
    <div className="notice card opening-notice" role="status">
      {isFilled ? (
        <>
          <p>{first}</p>
          {details.length > 0 ? (
            <ul>
              {details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            className="button button-link"
            onClick={() => {
              setIsDismissed(true);
              // The button disappears: reading goes on from the step's heading.
              document.getElementById('step-heading')?.focus();
            }}
          >
            {t('library.noticeDismiss')}
          </button>
        </>
      ) : null}
    </div>
  );
}

/** Workshop mode: participants answer in turn on this device; each one's answers join the group. */
function WorkshopBanner({ workshop, fileInfo }: { workshop: WorkshopControls; fileInfo: DiagnosisFileInfo }) {
  const { t } = useTranslation();
  const actorRef = WizardActorContext.useActorRef();
  const [memberCount, setMemberCount] = useState<number | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    const storage = workshop.groupStorage
      ? Promise.resolve(workshop.groupStorage)
      : import('../data/group-storage').then((module) => module.getDefaultGroupStorage());
    void storage.then((groups) => groups.load()).then((loaded) => {
      if (isCurrent) setMemberCount(loaded.status === 'found' ? loaded.group.members.length : 0);
    });
    return () => {
      isCurrent = false;
    };
  }, [workshop.groupStorage]);

  const saveAndContinue = async () => {
    const { context } = actorRef.getSnapshot();
    if (Object.keys(context.answers).length === 0) return window.alert(t('workshop.nothingToSave'));
    const isComplete = findFirstIncompleteStep(context.questionnaire, context.answers) === null;
    if (!isComplete && !window.confirm(t('workshop.incompleteConfirm'))) return;
    setIsSaving(true);
    await workshop.onNextParticipant(buildDiagnosisFile(context, fileInfo, new Date()));
    setIsSaving(false);
  };

  return (
    <section className="card workshop-banner" aria-label={t('workshop.modeName')}>
      <p>
        <strong>{memberCount === null ? t('workshop.modeName') : t('workshop.banner', { participant: memberCount + 1 })}</strong>
        <br />
        {t('workshop.bannerHelp')}
      </p>
      <button type="button" className="button button-primary" onClick={saveAndContinue} disabled={isSaving}>
        {t('workshop.next')}
      </button>
      <a className="button button-secondary" href={PROJECTION_HASH} target="_blank" rel="noopener">
        {t('workshop.projection')}
      </a>
      <button type="button" className="button button-link" onClick={workshop.onStop}>
        {t('workshop.stop')}
      </button>
      <p role="status" className="workshop-notice">
        {workshop.notice ?? ''}
      </p>
    </section>
  );
}
