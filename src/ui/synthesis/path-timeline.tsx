import { useTranslation } from 'react-i18next';
import { PATH_STEP_STATUSES, type PathProgress } from '../../domain/answers';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { readPathStepProgress } from '../../domain/path-progress';
import { HORIZONS } from '../../domain/questionnaire-schema';
import type { PathStep } from '../../domain/toolkit-path';
import { WizardActorContext } from '../../machine/wizard-actor-context';

const NOTE_MAX_LENGTH = 2000;

/** The Parcours A.D.O.C. by horizon; each step can be marked and annotated, and the draft keeps it. */
export function PathTimeline({ path }: { path: PathStep[] }) {
  const { t } = useTranslation();
  const progress = WizardActorContext.useSelector((snapshot) => snapshot.context.pathProgress);
  const statuses = path.map((step) => readPathStepProgress(progress, step.toolId).status);
  return (
    <section aria-labelledby="path-heading" className="card path-card">
      <h2 id="path-heading">{t('synthesis.pathHeading')}</h2>
      <p>{t('synthesis.pathIntro')}</p>
      <p>{t('synthesis.pathProgressHelp')}</p>
      <p className="path-progress-summary">
        {t('synthesis.pathProgressSummary', {
          done: t('synthesis.pathProgressDone', { count: statuses.filter((status) => status === 'done').length }),
          notRelevant: t('synthesis.pathProgressNotRelevant', { count: statuses.filter((status) => status === 'not-relevant').length }),
          total: path.length,
        })}
      </p>
      {HORIZONS.map((horizon) => {
        const steps = path.filter((step) => step.horizon === horizon);
        if (steps.length === 0) return null;
        return (
          <section key={horizon} aria-labelledby={`horizon-${horizon}`} className="horizon">
            <h3 id={`horizon-${horizon}`} className="horizon-heading">
              {t(`toolkit.horizons.${horizon}`)}
            </h3>
            <ol className="path-steps">
              {steps.map((step) => (
                <PathTimelineStep key={step.toolId} step={step} progress={progress} />
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}

function PathTimelineStep({ step, progress }: { step: PathStep; progress: PathProgress }) {
  const { t } = useTranslation();
  const actorRef = WizardActorContext.useActorRef();
  const { status, note = '' } = readPathStepProgress(progress, step.toolId);
  const title = bindFrenchPunctuation(step.tool.title);
  const noteId = `path-note-${step.toolId}`;
  return (
    <li className={`path-step is-${status}`} value={step.order}>
      <p className="path-kind">
        <span className="path-order">{t('synthesis.pathStep', { order: step.order })}</span> · {t(`toolkit.kinds.${step.kind}`)}
        {step.pillar ? ` · ${t(`pillars.${step.pillar}`)}` : ''}
        {status === 'todo' ? null : <span className="path-badge">{t(`synthesis.statusLabels.${status}`)}</span>}
      </p>
      <h4 className="path-title">{title}</h4>
      <dl className="path-meta">
        <div>
          <dt>{t('synthesis.pathFormat')}</dt>
          <dd>{t(`toolkit.formats.${step.tool.format}`)}</dd>
        </div>
        <div>
          <dt>{t('synthesis.pathDuration')}</dt>
          <dd>{step.tool.duration}</dd>
        </div>
        <div>
          <dt>{t('synthesis.pathPublisher')}</dt>
          <dd>{step.tool.publisher}</dd>
        </div>
      </dl>
      <p>{bindFrenchPunctuation(step.tool.description)}</p>
      <p className="path-reason">
        <strong>{t('synthesis.whyThisTool')}</strong> {bindFrenchPunctuation(step.reason)}
      </p>
      {step.tool.url ? (
        <p className="path-link">
          <a href={step.tool.url} target="_blank" rel="noopener noreferrer" aria-label={t('synthesis.openTool', { title: step.tool.title })}>
            {step.tool.url.replace(/^https?:\/\//, '').split('/')[0]} ↗
          </a>
        </p>
      ) : null}
      <div className="path-progress">
        <div role="group" aria-label={t('synthesis.statusGroup', { title: step.tool.title })} className="status-toggle">
          {PATH_STEP_STATUSES.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className="status-button"
              aria-pressed={status === candidate}
              onClick={() => actorRef.send({ type: 'path.step.marked', toolId: step.toolId, status: candidate })}
            >
              {status === candidate ? <span aria-hidden="true">✓ </span> : null}
              {t(`synthesis.statusLabels.${candidate}`)}
            </button>
          ))}
        </div>
        <p className="print-only">{t('synthesis.statusText', { label: t(`synthesis.statusLabels.${status}`) })}</p>
        <div className={`path-note${note === '' ? ' is-empty' : ''}`}>
          <label htmlFor={noteId}>{t('synthesis.noteLabel')}</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            onChange={(event) => actorRef.send({ type: 'path.note.changed', toolId: step.toolId, note: event.target.value })}
          />
          {note === '' ? null : <p className="print-only path-note-text">{t('synthesis.notePrinted', { note })}</p>}
        </div>
      </div>
    </li>
  );
}
