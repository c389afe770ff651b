import { Suspense, lazy, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { selectVisibleAnswers } from '../../domain/answers';
import { compareDiagnoses, type ComparedDiagnosis } from '../../domain/compare-diagnoses';
import { diagnose } from '../../domain/diagnose';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import type { Toolkit } from '../../domain/questionnaire-schema';
import { buildEvolution, formatEvolutionDate, readOrganisationName, type ReportEvolutionRow, type ReportEvolutionScore } from '../../report/report-model';
import { useReportDownload } from '../use-report-download';
import { compareMessages as M } from './compare-messages';
import './compare.css';

// recharts is heavy: it loads with this view only.
const CompareChart = lazy(() => import('./compare-chart'));

const NOT_SCORED = 'non calculé';

interface CompareViewProps {
  older: ComparedDiagnosis;
  newer: ComparedDiagnosis;
  toolkit: Toolkit;
  onBack: () => void;
}

/** Two diagnoses of one organisation side by side: scores before and after, the answers that changed, the steps done since. */
export function CompareView({ older, newer, toolkit, onBack }: CompareViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { status: pdfStatus, download } = useReportDownload();
  // The screen and the PDF read the same words: the report's evolution section is built from the same comparison.
  const evolution = useMemo(() => buildEvolution(compareDiagnoses(older, newer, toolkit)), [older, newer, toolkit]);
  const organisationName = useMemo(
    () => readOrganisationName(newer.questionnaire, selectVisibleAnswers(newer.questionnaire, newer.file.answers)),
    [newer],
  );
  const olderDate = formatEvolutionDate(new Date(older.file.updatedAt));
  const newerDate = formatEvolutionDate(new Date(newer.file.updatedAt));

  useEffect(() => {
    document.title = M.documentTitle(organisationName);
    headingRef.current?.focus();
  }, [organisationName]);

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
          {M.back}
        </button>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {evolution.heading}
        <span className="visually-hidden"> – </span>
        <span className="compare-organisation">{organisationName}</span>
      </h1>
      <p className="lead">{bindFrenchPunctuation(M.intro(olderDate, older.questionnaire.title, newerDate, newer.questionnaire.title))}</p>
      {evolution.questionnaireNote ? <p className="notice compare-note">{bindFrenchPunctuation(evolution.questionnaireNote)}</p> : null}

      <section aria-labelledby="compare-areas-heading" className="card">
        <h2 id="compare-areas-heading">{M.areasHeading}</h2>
        <Suspense fallback={null}>
          <CompareChart
            bars={evolution.areas.map((row) => ({
              label: row.label,
              before: row.before.score,
              after: row.after.score,
              beforeLabel: row.before.score === null ? NOT_SCORED : String(row.before.score),
              afterLabel: row.after.score === null ? NOT_SCORED : String(row.after.score),
            }))}
            beforeName={M.seriesBefore(olderDate)}
            afterName={M.seriesAfter(newerDate)}
          />
        </Suspense>
        <ScrollRegion label={M.areasCaption}>
          <EvolutionTable caption={M.areasCaption} firstColumn={M.columns.area} groups={[{ title: null, rows: evolution.areas }]} />
        </ScrollRegion>
      </section>

      <section aria-labelledby="compare-dimensions-heading" className="card">
        <h2 id="compare-dimensions-heading">{M.dimensionsHeading}</h2>
        <ScrollRegion label={M.dimensionsCaption}>
          <EvolutionTable caption={M.dimensionsCaption} firstColumn={M.columns.dimension} groups={evolution.dimensionGroups} />
        </ScrollRegion>
      </section>

      <section aria-labelledby="compare-answers-heading" className="card">
        <h2 id="compare-answers-heading">{M.changedAnswersHeading}</h2>
        <p>{evolution.changedAnswersIntro}</p>
        {evolution.changedAnswerGroups.map((group) => (
          <div key={group.title} className="changed-answers-group">
            <h3>{group.title}</h3>
            <ul className="changed-answers">
              {group.rows.map((row) => (
                <li key={row.questionId}>
                  <p className="changed-question">{bindFrenchPunctuation(row.question)}</p>
                  <p className={row.hasBefore ? 'changed-before' : 'changed-before is-empty'}>
                    <span className="changed-tag">{M.before}</span> {row.before}
                  </p>
                  <p className={row.hasAfter ? 'changed-after' : 'changed-after is-empty'}>
                    <span className="changed-tag">{M.after}</span> {row.after}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="compare-steps-heading" className="card">
        <h2 id="compare-steps-heading">{M.stepsDoneHeading}</h2>
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
          {M.download}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {M.back}
        </button>
      </div>
      <p role="status" className="compare-status">
        {pdfStatus === 'working' ? M.downloading : pdfStatus === 'done' ? M.downloaded : pdfStatus === 'failed' ? M.downloadFailed : ''}
      </p>
    </div>
  );
}

/** A wide table scrolls inside its own focusable box, so that a phone never scrolls the whole page sideways. */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="compare-table-scroll" role="region" aria-label={M.scrollRegion(label)} tabIndex={0}>
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
  return (
    <table className="compare-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{M.columns.before}</th>
          <th scope="col">{M.columns.after}</th>
          <th scope="col">{M.columns.change}</th>
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
                <span className="compare-cell-name">{M.columns.before}</span>
                <ScoreCell score={row.before} />
              </td>
              <td className="compare-after">
                <span className="compare-cell-name">{M.columns.after}</span>
                <ScoreCell score={row.after} />
              </td>
              <td className={`compare-change ${changeClass(row.delta)}`}>
                <span className="compare-cell-name">{M.columns.change}</span>
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

/** The colour only repeats the written sign. */
function changeClass(delta: number | null): string {
  if (delta === null) return 'is-not-comparable';
  return delta > 0 ? 'is-up' : delta < 0 ? 'is-down' : 'is-stable';
}
