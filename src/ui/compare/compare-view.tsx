import { Suspense, lazy, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { selectVisibleAnswers } from '../../domain/answers';
import { compareDiagnoses, type ComparedDiagnosis } from '../../domain/compare-diagnoses';
import { diagnose } from '../../domain/diagnose';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { SCORED_AREA_IDS, type ScoredAreaId, type Toolkit } from '../../domain/questionnaire-schema';
import { buildEvolution, formatEvolutionDate, readOrganisationName, type ReportEvolutionRow, type ReportEvolutionScore } from '../../report/report-model';
import { FRENCH_REPORT_WORDING, type ReportWording } from '../../report/report-wording';
import { useReportDownload } from '../use-report-download';
import './compare.css';

// recharts is heavy: it loads with this view only.
const CompareChart = lazy(() => import('./compare-chart'));

interface CompareViewProps {
  older: ComparedDiagnosis;
  newer: ComparedDiagnosis;
  toolkit: Toolkit;
  /** The report's words for the evolution, in the interface's language (French when left out). */
  wording?: ReportWording;
  onBack: () => void;
}

/** Two diagnoses of one organisation side by side: scores before and after, the answers that changed, the steps done since. */
export function CompareView({ older, newer, toolkit, wording = FRENCH_REPORT_WORDING, onBack }: CompareViewProps) {
  const { t } = useTranslation('compare');
  const { t: tc } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { status: pdfStatus, download } = useReportDownload();
  // The screen and the PDF read the same words: the report's evolution section is built from the same comparison.
  const evolution = useMemo(() => buildEvolution(compareDiagnoses(older, newer, toolkit, wording), wording), [older, newer, toolkit, wording]);
  const organisationName = useMemo(
    () => readOrganisationName(newer.questionnaire, selectVisibleAnswers(newer.questionnaire, newer.file.answers), wording),
    [newer, wording],
  );
  // The areas are named by id in the interface's language; the rest of the rows comes from the report's model.
  const areaRows = useMemo(
    () => evolution.areas.map((row) => (isScoredAreaId(row.id) ? { ...row, label: tc(`pillars.${row.id}`) } : row)),
    [evolution, tc],
  );
  const dimensionGroups = useMemo(
    () => evolution.dimensionGroups.map((group) => ({ ...group, title: tc(`pillars.${group.areaId}`) })),
    [evolution, tc],
  );
  const olderDate = formatEvolutionDate(new Date(older.file.updatedAt), wording);
  const newerDate = formatEvolutionDate(new Date(newer.file.updatedAt), wording);

  useEffect(() => {
    headingRef.current?.focus();
  }, [organisationName]);

  // Apart from the focus: a change of language renames the page without moving the reader.
  useEffect(() => {
    document.title = t('documentTitle', { organisationName });
  }, [organisationName, t]);

  const downloadPdf = () =>
    download(async () => ({
      questionnaire: newer.questionnaire,
      toolkit,
      file: newer.file,
      diagnosis: diagnose(newer.questionnaire, toolkit, newer.file.answers),
      generatedAt: new Date(),
      evolution: { older },
    }));

  return (
    <div className="compare-view">
      <p className="compare-back">
        <button type="button" className="button button-link" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('back')}
        </button>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {evolution.heading}
        <span className="visually-hidden"> – </span>
        <span className="compare-organisation">{organisationName}</span>
      </h1>
      <p className="lead">{bindFrenchPunctuation(t('intro', { olderDate, olderTitle: older.questionnaire.title, newerDate, newerTitle: newer.questionnaire.title }))}</p>
      {evolution.questionnaireNote ? <p className="notice compare-note">{bindFrenchPunctuation(evolution.questionnaireNote)}</p> : null}

      <section aria-labelledby="compare-areas-heading" className="card">
        <h2 id="compare-areas-heading">{t('areasHeading')}</h2>
        <Suspense fallback={null}>
          <CompareChart
            bars={areaRows.map((row) => ({
              label: row.label,
              before: row.before.score,
              after: row.after.score,
              beforeLabel: row.before.score === null ? tc('synthesis.notScored') : String(row.before.score),
              afterLabel: row.after.score === null ? tc('synthesis.notScored') : String(row.after.score),
            }))}
            beforeName={t('seriesBefore', { date: olderDate })}
            afterName={t('seriesAfter', { date: newerDate })}
          />
        </Suspense>
        <ScrollRegion label={t('areasCaption')}>
          <EvolutionTable caption={t('areasCaption')} firstColumn={t('columns.area')} groups={[{ title: null, rows: areaRows }]} />
        </ScrollRegion>
      </section>

      <section aria-labelledby="compare-dimensions-heading" className="card">
        <h2 id="compare-dimensions-heading">{t('dimensionsHeading')}</h2>
        <ScrollRegion label={t('dimensionsCaption')}>
          <EvolutionTable caption={t('dimensionsCaption')} firstColumn={t('columns.dimension')} groups={dimensionGroups} />
        </ScrollRegion>
      </section>

      <section aria-labelledby="compare-answers-heading" className="card">
        <h2 id="compare-answers-heading">{t('changedAnswersHeading')}</h2>
        <p>{evolution.changedAnswersIntro}</p>
        {evolution.changedAnswerGroups.map((group) => (
          <div key={group.title} className="changed-answers-group">
            <h3>{group.title}</h3>
            <ul className="changed-answers">
              {group.rows.map((row) => (
                <li key={row.questionId}>
                  <p className="changed-question">{bindFrenchPunctuation(row.question)}</p>
                  <p className={row.hasBefore ? 'changed-before' : 'changed-before is-empty'}>
                    <span className="changed-tag">{t('before')}</span> {row.before}
                  </p>
                  <p className={row.hasAfter ? 'changed-after' : 'changed-after is-empty'}>
                    <span className="changed-tag">{t('after')}</span> {row.after}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="compare-steps-heading" className="card">
        <h2 id="compare-steps-heading">{t('stepsDoneHeading')}</h2>
        {evolution.stepsDone.length === 0 ? (
          <p>{bindFrenchPunctuation(evolution.noStepsDone)}</p>
        ) : (
          <ul className="steps-done">
            {evolution.stepsDone.map((step) => (
              <li key={step.toolId}>{bindFrenchPunctuation(step.title)}</li>
            ))}
          </ul>
        )}
      </section>

      <div className="step-actions">
        <button type="button" className="button button-primary" onClick={() => void downloadPdf()} disabled={pdfStatus === 'working'}>
          {t('download')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('back')}
        </button>
      </div>
      <p role="status" className="compare-status">
        {pdfStatus === 'working' ? t('downloading') : pdfStatus === 'done' ? t('downloaded') : pdfStatus === 'failed' ? t('downloadFailed') : ''}
      </p>
    </div>
  );
}

/** A wide table scrolls inside its own focusable box, so that a phone never scrolls the whole page sideways. */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('compare');
  return (
    <div className="compare-table-scroll" role="region" aria-label={t('scrollRegion', { table: label })} tabIndex={0}>
      {children}
    </div>
  );
}

function EvolutionTable({
  caption,
  firstColumn,
  groups,
}: {
  caption: string;
  firstColumn: string;
  groups: readonly { title: string | null; rows: readonly ReportEvolutionRow[] }[];
}) {
  const { t } = useTranslation('compare');
  return (
    <table className="compare-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{t('columns.before')}</th>
          <th scope="col">{t('columns.after')}</th>
          <th scope="col">{t('columns.change')}</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.title ?? 'rows'}>
          {group.title ? (
            <tr className="compare-group-row">
              <th scope="colgroup" colSpan={4}>
                {group.title}
              </th>
            </tr>
          ) : null}
          {group.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td className="compare-before">
                <span className="compare-cell-name">{t('columns.before')}</span>
                <ScoreCell score={row.before} />
              </td>
              <td className="compare-after">
                <span className="compare-cell-name">{t('columns.after')}</span>
                <ScoreCell score={row.after} />
              </td>
              <td className={`compare-change ${changeClass(row.delta)}`}>
                <span className="compare-cell-name">{t('columns.change')}</span>
                {row.deltaLabel}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function ScoreCell({ score }: { score: ReportEvolutionScore }) {
  return (
    <>
      <span className={score.score === null ? 'compare-score is-empty' : 'compare-score'}>{score.scoreLabel}</span>
      {score.levelLabel ? <span className="compare-level">{score.levelLabel}</span> : null}
    </>
  );
}

function isScoredAreaId(id: string): id is ScoredAreaId {
  return (SCORED_AREA_IDS as readonly string[]).includes(id);
}

/** The colour only repeats the written sign. */
function changeClass(delta: number | null): string {
  if (delta === null) return 'is-not-comparable';
  return delta > 0 ? 'is-up' : delta < 0 ? 'is-down' : 'is-stable';
}
