import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../domain/answers';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { addGroupMembers, aggregateGroup, createGroup, recordAgreedAnswer, removeGroupMember, selectGroupToJoin, type Group } from '../../domain/group';
import type { Questionnaire } from '../../domain/questionnaire-schema';
import { demoGroupQueryOptions } from '../../data/demo-group';
import { createMemberId } from '../../data/group-membership';
import type { GroupStorage } from '../../data/group-storage';
import { importAnswersSources } from '../../data/import-answers-files';
import { describeLoadFailure, questionnaireIndexQueryOptions, questionnaireQueryOptions, toolkitQueryOptions } from '../../data/questionnaire-queries';
import { saveFile } from '../../report/save-file';
import { useLanguage } from '../../i18n/use-language';
import { PROJECTION_HASH } from '../routes';
import { ConsensusMode, ConsensusResult } from './consensus-mode';
import { GroupImportPanel, type GroupImportInput, type GroupImportResult, type GroupImportStatus } from './group-import-panel';
import { GroupOverview } from './group-overview';
import { LeastConsensus } from './least-consensus';
import { getDefaultGroupStorage } from '../../data/group-storage';
import { useGroupStore, type GroupPersistence, type GroupStore } from './use-group-store';
import { useAnswerMessages } from '../answer-messages';
import './group.css';

/** Address of the projection view, relative to the page so that it works under any sub-path. */

interface GroupPageProps {
  onBack: () => void;
  onStartWorkshop: (questionnaireId: string) => void;
  /** Tests pass their own; the app uses the device's IndexedDB. */
  storage?: GroupStorage;
}

/** « Vue collective »: several respondents of one organisation, where they agree, and the consensus. */
export function GroupPage({ onBack, onStartWorkshop, storage }: GroupPageProps) {
  const { t } = useTranslation('group');
  const store = useGroupStore(useMemo(() => storage ?? getDefaultGroupStorage(), [storage]));
  const queryClient = useQueryClient();
  const answerMessages = useAnswerMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [showNames, setShowNames] = useState(false);
  const [demoStatus, setDemoStatus] = useState<'idle' | 'working' | 'failed'>('idle');
  const [importStatus, setImportStatus] = useState<GroupImportStatus>({ kind: 'idle' });
  const { state } = store;
  const importPanel = { onImport: importSources, status: importStatus, onStatusChange: setImportStatus };
  const group = state.status === 'found' ? state.group : null;
  const hasMembers = group !== null && group.members.length > 0;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    document.title = t('documentTitle');
  }, [t]);

  async function importSources({ files, links }: GroupImportInput): Promise<GroupImportResult> {
    const report = await importAnswersSources({ files, links }, (id) => queryClient.fetchQuery(questionnaireQueryOptions(id)), answerMessages);
    const rejected = [...report.rejected];
    const refusedFiles = new Set<unknown>();
    let addedCount = 0;
    const first = report.accepted[0];
    if (first) {
      const firstQuestionnaireId = first.file.questionnaire.id;
      await store.update((current) => {
        const outcome = addGroupMembers(
          selectGroupToJoin(current, firstQuestionnaireId),
          report.accepted.map((accepted) => accepted.file),
          createMemberId,
          answerMessages,
        );
        addedCount = outcome.added.length;
        for (const refusal of outcome.rejected) {
          refusedFiles.add(refusal.file);
          const source = report.accepted.find((accepted) => accepted.file === refusal.file)?.source ?? '';
          rejected.push({ source, reasons: [refusal.reason] });
        }
        return outcome.group;
      });
    }
    const warnings = report.accepted
      .filter((accepted) => !refusedFiles.has(accepted.file))
      .map((accepted) => ({ source: accepted.source, warnings: accepted.warnings }));
    return { addedCount, rejected, warnings };
  }

  const loadDemo = async () => {
    if (hasMembers && !window.confirm(t('empty.demoConfirm'))) return;
    setDemoStatus('working');
    try {
      const files = await queryClient.fetchQuery(demoGroupQueryOptions);
      const first = files[0];
      if (!first) throw new Error('The demo group has no respondent');
      await store.update(() => addGroupMembers(createGroup(first.questionnaire.id), files, createMemberId).group);
      setDemoStatus('idle');
      // The page below the heading has been replaced: reading starts again from the top.
      headingRef.current?.focus();
    } catch (error) {
      console.error(error);
      setDemoStatus('failed');
    }
  };

  return (
    <div className="group-page">
      <p className="group-back">
        <button type="button" className="button button-link" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('back')}
        </button>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('pageTitle')}
      </h1>
      <p className="lead">{t('intro')}</p>

      {state.status === 'loading' ? <p>{t('loading')}</p> : null}

      {state.status === 'corrupted' ? (
        <section className="card warning-card" aria-labelledby="group-corrupted-heading">
          <h2 id="group-corrupted-heading">{t('storage.corruptedHeading')}</h2>
          <p>{t('storage.corruptedText')}</p>
          <p className="field-help">{t('storage.corruptedReason', { reason: t(`storage.corruption.${state.reason}`) })}</p>
          <div className="step-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => saveFile(new Blob([state.raw], { type: 'text/plain' }), 'groupe-illisible.txt')}
            >
              {t('storage.corruptedDownload')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void store.clear()}>
              {t('storage.restart')}
            </button>
          </div>
        </section>
      ) : null}

      {state.status === 'none' || (group !== null && !hasMembers) ? (
        <>
          <StorageWarning persistence={store.persistence} />
          <EmptyGroup
            importPanel={importPanel}
            onStartWorkshop={onStartWorkshop}
            onLoadDemo={() => void loadDemo()}
            demoStatus={demoStatus}
          />
        </>
      ) : null}

      {group !== null && hasMembers ? (
        <GroupWorkspace
          group={group}
          store={store}
          showNames={showNames}
          onShowNamesChange={setShowNames}
          importPanel={importPanel}
          onStartWorkshop={onStartWorkshop}
          onLoadDemo={() => void loadDemo()}
          demoStatus={demoStatus}
          onReset={async () => {
            if (!window.confirm(t('actions.resetConfirm'))) return;
            await store.clear();
            setImportStatus({ kind: 'idle' });
            headingRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function StorageWarning({ persistence, onExportCsv }: { persistence: GroupPersistence; onExportCsv?: () => void }) {
  const { t } = useTranslation('group');
  if (persistence === 'saved') return null;
  return (
    <div className="notice warning-card" role={persistence === 'quota' ? 'alert' : 'note'}>
      <p>{persistence === 'quota' ? t('storage.quota') : t('storage.unavailable')}</p>
      {onExportCsv ? (
        <button type="button" className="button button-secondary" onClick={onExportCsv}>
          {t('actions.exportCsv')}
        </button>
      ) : null}
    </div>
  );
}

type ImportPanelProps = Omit<Parameters<typeof GroupImportPanel>[0], 'headingRef'>;

interface EmptyGroupProps {
  importPanel: ImportPanelProps;
  onStartWorkshop: (questionnaireId: string) => void;
  onLoadDemo: () => void;
  demoStatus: 'idle' | 'working' | 'failed';
}

function EmptyGroup({ importPanel, onStartWorkshop, onLoadDemo, demoStatus }: EmptyGroupProps) {
  const { t } = useTranslation('group');
  const [panel, setPanel] = useState<'none' | 'import' | 'workshop'>('none');
  const panelHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel !== 'none') panelHeadingRef.current?.focus();
  }, [panel]);
  return (
    <>
      <section className="card" aria-labelledby="group-empty-heading">
        <h2 id="group-empty-heading">{t('empty.heading')}</h2>
        <p>{bindFrenchPunctuation(t('empty.howTo'))}</p>
        <div className="step-actions">
          <button type="button" className="button button-primary" aria-expanded={panel === 'import'} onClick={() => setPanel('import')}>
            {t('empty.importButton')}
          </button>
          <button type="button" className="button button-secondary" aria-expanded={panel === 'workshop'} onClick={() => setPanel('workshop')}>
            {t('empty.workshopButton')}
          </button>
          <button type="button" className="button button-secondary" onClick={onLoadDemo} disabled={demoStatus === 'working'}>
            {demoStatus === 'working' ? t('empty.demoLoading') : t('empty.demoButton')}
          </button>
        </div>
        <p role="status" className="group-status">
          {demoStatus === 'failed' ? t('empty.demoFailed') : ''}
        </p>
      </section>
      {panel === 'import' ? <GroupImportPanel {...importPanel} headingRef={panelHeadingRef} /> : null}
      {panel === 'workshop' ? <WorkshopChooser onStart={onStartWorkshop} headingRef={panelHeadingRef} /> : null}
    </>
  );
}

function WorkshopChooser({ onStart, headingRef }: { onStart: (questionnaireId: string) => void; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation('group');
  const index = useQuery(questionnaireIndexQueryOptions);
  const [chosen, setChosen] = useState<string | null>(null);
  const questionnaires = index.data ?? [];
  const selected = chosen ?? questionnaires[0]?.id ?? null;
  return (
    <section className="card" aria-labelledby="group-workshop-heading">
      <h2 id="group-workshop-heading" ref={headingRef} tabIndex={-1}>
        {t('workshop.heading')}
      </h2>
      <p>{bindFrenchPunctuation(t('workshop.help'))}</p>
      {index.isPending ? <p>{t('workshop.loading')}</p> : null}
      {index.isError ? <p role="alert">{index.error.message}</p> : null}
      {questionnaires.length > 0 ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (selected) onStart(selected);
          }}
        >
          <fieldset className="field">
            <legend className="field-label">{t('workshop.chooseLegend')}</legend>
            <div className="options">
              {questionnaires.map((questionnaire) => (
                <label key={questionnaire.id} className="option">
                  <input
                    type="radio"
                    name="workshop-questionnaire"
                    value={questionnaire.id}
                    checked={selected === questionnaire.id}
                    onChange={() => setChosen(questionnaire.id)}
                  />
                  <span className="option-text">
                    <span className="option-label">{questionnaire.title}</span>
                    <span className="option-description">{t('workshop.duration', { minutes: questionnaire.durationMinutes })}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button button-primary">
            {t('workshop.start')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

interface GroupWorkspaceProps {
  group: Group;
  store: GroupStore;
  showNames: boolean;
  onShowNamesChange: (showNames: boolean) => void;
  importPanel: ImportPanelProps;
  onStartWorkshop: (questionnaireId: string) => void;
  onLoadDemo: () => void;
  demoStatus: 'idle' | 'working' | 'failed';
  onReset: () => Promise<void>;
}

function GroupWorkspace(props: GroupWorkspaceProps) {
  const { t } = useTranslation('group');
  const { t: tc } = useTranslation();
  const { group } = props;
  const language = useLanguage();
  const answerMessages = useAnswerMessages();
  const questionnaire = useQuery(questionnaireQueryOptions(group.questionnaireId, language));
  if (questionnaire.isError) {
    return (
      <div className="notice warning-card" role="alert">
        <p>{describeLoadFailure(questionnaire.error, answerMessages)}</p>
        <button type="button" className="button button-secondary" onClick={() => void questionnaire.refetch()}>
          {tc('errors.retry')}
        </button>
      </div>
    );
  }
  if (!questionnaire.data) return <p>{t('loading')}</p>;
  return <GroupWorkspaceLoaded {...props} questionnaire={questionnaire.data} />;
}

function GroupWorkspaceLoaded({
  group,
  store,
  questionnaire,
  showNames,
  onShowNamesChange,
  importPanel,
  onStartWorkshop,
  onLoadDemo,
  demoStatus,
  onReset,
}: GroupWorkspaceProps & { questionnaire: Questionnaire }) {
  const { t } = useTranslation('group');
  const language = useLanguage();
  const [view, setView] = useState<'overview' | 'consensus'>('overview');
  const [downloadStatus, setDownloadStatus] = useState<'idle' | 'pdf' | 'csv' | 'pdf-done' | 'csv-done' | 'failed'>('idle');
  const toolkit = useQuery(toolkitQueryOptions(language)).data;
  const files = useMemo(() => group.members.map((member) => member.file), [group.members]);
  const aggregate = useMemo(() => aggregateGroup(questionnaire, files), [questionnaire, files]);

  const recordAnswer = async (questionId: string, value: AnswerValue | null) => {
    await store.update((current) => recordAgreedAnswer(current ?? group, questionId, value));
  };

  const downloadCsv = async () => {
    setDownloadStatus('csv');
    try {
      const { downloadGroupCsv } = await import('../../report/download-group-report');
      await downloadGroupCsv(questionnaire, group, { showNames, language });
      setDownloadStatus('csv-done');
    } catch (error) {
      console.error(error);
      setDownloadStatus('failed');
    }
  };

  const downloadPdf = async () => {
    if (!toolkit) return;
    setDownloadStatus('pdf');
    try {
      const { downloadGroupReport } = await import('../../report/download-group-report');
      await downloadGroupReport({ questionnaire, toolkit, group, generatedAt: new Date(), showNames }, language);
      setDownloadStatus('pdf-done');
    } catch (error) {
      console.error(error);
      setDownloadStatus('failed');
    }
  };

  return (
    <>
      <StorageWarning persistence={store.persistence} onExportCsv={() => void downloadCsv()} />

      <div role="group" aria-label={t('views.label')} className="view-switch">
        {(['overview', 'consensus'] as const).map((candidate) => (
          <button key={candidate} type="button" className="status-button" aria-pressed={view === candidate} onClick={() => setView(candidate)}>
            {t(`views.${candidate}`)}
          </button>
        ))}
      </div>

      {view === 'overview' ? (
        <>
          <GroupOverview
            group={group}
            aggregate={aggregate}
            showNames={showNames}
            onShowNamesChange={onShowNamesChange}
            onRemove={async (memberId) => {
              await store.update((current) => removeGroupMember(current ?? group, memberId));
            }}
          />
          <LeastConsensus aggregate={aggregate} />
        </>
      ) : (
        <>
          <ConsensusMode questionnaire={questionnaire} group={group} aggregate={aggregate} onRecord={recordAnswer} />
          <ConsensusResult questionnaire={questionnaire} group={group} />
        </>
      )}

      <GroupImportPanel {...importPanel} />

      <section className="card actions-card" aria-labelledby="group-actions-heading">
        <h2 id="group-actions-heading">{t('actions.heading')}</h2>
        <p className="field-help">{t('actions.namesNote')}</p>
        <div className="step-actions">
          <button type="button" className="button button-primary" onClick={() => void downloadPdf()} disabled={!toolkit || downloadStatus === 'pdf'}>
            {downloadStatus === 'pdf' ? t('actions.preparingPdf') : t('actions.downloadPdf')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void downloadCsv()} disabled={downloadStatus === 'csv'}>
            {t('actions.exportCsv')}
          </button>
          <a className="button button-secondary" href={PROJECTION_HASH} target="_blank" rel="noopener">
            {t('actions.projection')}
          </a>
          <button type="button" className="button button-secondary" onClick={() => onStartWorkshop(group.questionnaireId)}>
            {t('workshop.continue')}
          </button>
          <button type="button" className="button button-secondary" onClick={onLoadDemo} disabled={demoStatus === 'working'}>
            {demoStatus === 'working' ? t('empty.demoLoading') : t('empty.demoButton')}
          </button>
          <button type="button" className="button button-link" onClick={() => void onReset()}>
            {t('actions.reset')}
          </button>
        </div>
        <p role="status" className="group-status">
          {downloadStatus === 'pdf-done'
            ? t('actions.pdfReady')
            : downloadStatus === 'csv-done'
              ? t('actions.csvReady')
              : downloadStatus === 'failed'
                ? t('actions.failed')
                : demoStatus === 'failed'
                  ? t('empty.demoFailed')
                  : ''}
        </p>
      </section>
    </>
  );
}
