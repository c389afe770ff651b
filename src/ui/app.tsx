import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { createAnswersFile, type Answers, type PathProgress } from '../domain/answers';
import { findWizardStepBySlug, type WizardStepState } from '../domain/wizard-steps';
import { createDraftStorage, type DraftLoadResult, type DraftStorage } from '../data/draft-storage';
import { importAnswersFile } from '../data/import-answers-file';
import { ContentLoadError, questionnaireQueryOptions, toolkitQueryOptions } from '../data/questionnaire-queries';
import { selectCurrentStep } from '../machine/wizard-machine';
import { WizardActorContext } from '../machine/wizard-actor-context';
import { DiagnosisDatesContext } from './diagnosis-dates';
import { ContentErrorPage } from './error-page';
import { messages } from './messages';
import { WelcomePage } from './welcome-page';
import { WizardShell } from './wizard/wizard-shell';

interface Session {
  questionnaireId: string;
  answers: Answers;
  resumeAt: WizardStepState;
  createdAt: string;
  pathProgress: PathProgress;
}

export function App({ storage = defaultStorage }: { storage?: DraftStorage }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DraftLoadResult>(() => storage.load());
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [session, setSession] = useState<Session | null>(() => {
    // A reload on a step of the wizard goes straight back to it: the person was just there.
    const stepInAddress = findWizardStepBySlug(window.location.hash.replace(/^#\//, ''));
    return draft.status === 'found' && stepInAddress ? sessionFromDraft(draft, stepInAddress.state) : null;
  });

  if (!session) {
    return (
      <WelcomePage
        draft={draft}
        onStart={(questionnaireId) => {
          storage.clear();
          setSession({ questionnaireId, answers: {}, resumeAt: 'profile', createdAt: new Date().toISOString(), pathProgress: {} });
        }}
        onResume={() => draft.status === 'found' && setSession(sessionFromDraft(draft, draft.draft.step))}
        onDiscardDraft={() => {
          storage.clear();
          setDraft({ status: 'none' });
        }}
        importErrors={importErrors}
        onImport={async (file) => {
          const result = await importAnswersFile(file, (id) => queryClient.fetchQuery(questionnaireQueryOptions(id)));
          if (!result.ok) return setImportErrors(result.errors);
          setImportErrors([]);
          storage.clear();
          // The wizard opens the synthesis if every step is complete, otherwise the first step left to answer.
          setSession({
            questionnaireId: result.questionnaire.id,
            answers: result.file.answers,
            resumeAt: 'synthesis',
            createdAt: result.file.createdAt,
            pathProgress: result.file.pathProgress ?? {},
          });
        }}
      />
    );
  }
  return (
    <WizardLoader
      key={session.createdAt}
      session={session}
      storage={storage}
      onNewDiagnosis={() => {
        if (!window.confirm(messages.welcome.restartConfirm)) return;
        storage.clear();
        setDraft({ status: 'none' });
        window.history.replaceState(null, '', '#/');
        setSession(null);
      }}
    />
  );
}

const defaultStorage = createDraftStorage();

function sessionFromDraft(draft: Extract<DraftLoadResult, { status: 'found' }>, resumeAt: WizardStepState): Session {
  return {
    questionnaireId: draft.draft.file.questionnaire.id,
    answers: draft.draft.file.answers,
    resumeAt,
    createdAt: draft.draft.file.createdAt,
    pathProgress: draft.draft.file.pathProgress ?? {},
  };
}

function WizardLoader({ session, storage, onNewDiagnosis }: { session: Session; storage: DraftStorage; onNewDiagnosis: () => void }) {
  const questionnaire = useQuery(questionnaireQueryOptions(session.questionnaireId));
  // Loaded now, with the questionnaire, so that the synthesis works even if the network drops later.
  const toolkit = useQuery(toolkitQueryOptions);
  const failed = questionnaire.error ?? toolkit.error;
  if (failed) {
    return (
      <ContentErrorPage
        message={failed.message}
        details={failed instanceof ContentLoadError ? failed.details : []}
        onRetry={() => {
          void questionnaire.refetch();
          void toolkit.refetch();
        }}
      />
    );
  }
  if (!questionnaire.data) return <p className="loading">{messages.welcome.loading}</p>;
  return (
    <DiagnosisDatesContext.Provider value={{ createdAt: session.createdAt }}>
      <WizardActorContext.Provider options={{ input: { questionnaire: questionnaire.data, answers: session.answers, resumeAt: session.resumeAt, pathProgress: session.pathProgress } }}>
        <DraftAutosave storage={storage} createdAt={session.createdAt} />
        <WizardShell onNewDiagnosis={onNewDiagnosis} />
      </WizardActorContext.Provider>
    </DiagnosisDatesContext.Provider>
  );
}

/** Saves the diagnosis on the device after every change, and says so when it cannot. */
function DraftAutosave({ storage, createdAt }: { storage: DraftStorage; createdAt: string }) {
  const actorRef = WizardActorContext.useActorRef();
  const [saveFailed, setSaveFailed] = useState(false);
  const created = useMemo(() => new Date(createdAt), [createdAt]);
  useEffect(() => {
    const save = () => {
      const snapshot = actorRef.getSnapshot();
      const { questionnaire, answers, pathProgress } = snapshot.context;
      const organisationName = answers[questionnaire.bindings.organisationName];
      const result = storage.save({
        step: selectCurrentStep(snapshot),
        file: createAnswersFile(questionnaire, answers, new Date(), { createdAt: created, pathProgress }),
        organisationName: typeof organisationName === 'string' ? organisationName : '',
      });
      setSaveFailed(!result.ok);
    };
    save();
    const subscription = actorRef.subscribe(save);
    return () => subscription.unsubscribe();
  }, [actorRef, storage, created]);
  return saveFailed ? (
    <p className="notice warning-card" role="alert">
      {messages.wizard.saveFailed}
    </p>
  ) : null;
}
