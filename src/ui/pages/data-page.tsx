import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n as appI18n } from '../../i18n/i18n';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n/languages';
import { LIBRARY_DATABASE_NAME } from '../../data/library-database';
import { GROUP_DATABASE_NAME } from '../../data/group-storage';
import { describeLocalData, eraseAllLocalData, type EraseOutcome, type LocalDataSummary } from '../../data/local-data';
import { HOME_HASH } from '../routes';

export interface DataPageProps {
  /** Reads what this device keeps; the app passes its own library and group storage to `describeLocalData`. */
  describe?: () => Promise<LocalDataSummary>;
  /** Erases everything; the app passes the same stores to `eraseAllLocalData`. */
  erase?: () => Promise<EraseOutcome>;
  /** After an erase, even a partial one: the app drops what it still holds in memory (open diagnosis, group). */
  onErased?: (outcome: EraseOutcome) => void;
  /** The home page's address (a hash route). */
  homeHref?: string;
}

type SummaryState = { status: 'loading' } | { status: 'ready'; summary: LocalDataSummary } | { status: 'failed' };
type Phase = 'idle' | 'confirming' | 'erasing';
type Announcement = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'outcome'; outcome: EraseOutcome };

/** « Vos données »: what is stored, where, for how long, how to take it away, and erasing it all after a confirmation. */
export function DataPage({ describe = describeLocalData, erase = eraseAllLocalData, onErased, homeHref = HOME_HASH }: DataPageProps) {
  const { t } = useTranslation('pages', { i18n: appI18n });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const eraseHeadingRef = useRef<HTMLHeadingElement>(null);
  const eraseButtonRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<SummaryState>({ status: 'loading' });
  const [phase, setPhase] = useState<Phase>('idle');
  const [announcement, setAnnouncement] = useState<Announcement>({ kind: 'none' });
  const questionId = useId();
  const detailsId = useId();

  // The latest functions, so that a parent passing new arrows at each render does not re-read the device each time.
  const latest = useRef({ describe, erase, onErased });
  useEffect(() => {
    latest.current = { describe, erase, onErased };
  });
  const returnFocusToButton = useRef(false);

  const readSummary = useCallback(() => {
    setSummary({ status: 'loading' });
    latest.current.describe().then(
      (read) => setSummary({ status: 'ready', summary: read }),
      () => setSummary({ status: 'failed' }),
    );
  }, []);

  // Focus on arrival only: a change of language renames the page without taking the focus from the switcher.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    document.title = t('data.documentTitle');
  }, [t]);

  useEffect(() => readSummary(), [readSummary]);

  useEffect(() => {
    if (phase === 'confirming') confirmRef.current?.focus();
    else if (phase === 'idle' && returnFocusToButton.current) eraseButtonRef.current?.focus();
    returnFocusToButton.current = false;
  }, [phase]);

  const cancel = () => {
    // The panel that had focus goes away: back to the button that opened it.
    returnFocusToButton.current = true;
    setPhase('idle');
    setAnnouncement({ kind: 'text', text: t('data.erase.cancelled') });
  };

  const confirm = async () => {
    setPhase('erasing');
    setAnnouncement({ kind: 'text', text: t('data.erase.erasing') });
    eraseHeadingRef.current?.focus();
    let outcome: EraseOutcome | null = null;
    try {
      outcome = await latest.current.erase();
    } catch {
      // eraseAllLocalData reports rather than throws; another `erase` might not.
    }
    setPhase('idle');
    setAnnouncement(outcome ? { kind: 'outcome', outcome } : { kind: 'text', text: t('data.erase.failed') });
    if (outcome) latest.current.onErased?.(outcome);
    readSummary();
  };

  const onConfirmKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <div className="info-page data-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('data.heading')}
      </h1>
      <p className="lead">{t('data.intro')}</p>

      <section className="card" aria-labelledby="data-stored-heading" aria-busy={summary.status === 'loading'}>
        <h2 id="data-stored-heading">{t('data.stored.heading')}</h2>
        {summary.status === 'loading' ? <p>{t('data.stored.loading')}</p> : null}
        {summary.status === 'failed' ? <p>{t('data.stored.failed')}</p> : null}
        {summary.status === 'ready' ? <StoredSummary summary={summary.summary} /> : null}
      </section>

      <section className="card" aria-labelledby="data-where-heading">
        <h2 id="data-where-heading">{t('data.where.heading')}</h2>
        <p>{t('data.where.device')}</p>
        <p>{t('data.where.nothingSent')}</p>
        <p className="info-technical">{t('data.where.technical', { library: LIBRARY_DATABASE_NAME, group: GROUP_DATABASE_NAME })}</p>
      </section>

      <section className="card" aria-labelledby="data-duration-heading">
        <h2 id="data-duration-heading">{t('data.duration.heading')}</h2>
        <p>{t('data.duration.untilErased')}</p>
        <p>{t('data.duration.privateBrowsing')}</p>
        <p>{t('data.duration.eviction')}</p>
      </section>

      <section className="card" aria-labelledby="data-export-heading">
        <h2 id="data-export-heading">{t('data.export.heading')}</h2>
        <ul>
          <li>{t('data.export.diagnosis')}</li>
          <li>{t('data.export.reopen')}</li>
          <li>{t('data.export.group')}</li>
        </ul>
      </section>

      <section className="card erase-section" aria-labelledby="data-erase-heading">
        <h2 id="data-erase-heading" ref={eraseHeadingRef} tabIndex={-1}>
          {t('data.erase.heading')}
        </h2>
        <p>{t('data.erase.scope')}</p>
        {phase === 'confirming' ? (
          <div
            ref={confirmRef}
            className="confirm-panel"
            role="group"
            aria-labelledby={questionId}
            aria-describedby={detailsId}
            tabIndex={-1}
            onKeyDown={onConfirmKeyDown}
          >
            <p id={questionId} className="confirm-question">
              {t('data.erase.confirmHeading')}
            </p>
            <div id={detailsId}>
              <p>{t('data.erase.confirmWhat')}</p>
              <p>{t('data.erase.confirmFiles')}</p>
              <p className="confirm-final">{t('data.erase.confirmFinal')}</p>
            </div>
            <div className="step-actions">
              <button type="button" className="button button-danger-solid" onClick={() => void confirm()}>
                {t('data.erase.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={cancel}>
                {t('data.erase.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={eraseButtonRef}
            type="button"
            className="button button-secondary button-danger"
            disabled={phase === 'erasing'}
            onClick={() => {
              setAnnouncement({ kind: 'none' });
              setPhase('confirming');
            }}
          >
            {t('data.erase.button')}
          </button>
        )}
        <div role="status" className="erase-outcome">
          <Outcome announcement={announcement} />
        </div>
      </section>

      <p>
        <a href={homeHref}>{t('backHome')}</a>
      </p>
    </div>
  );
}

function Outcome({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation('pages', { i18n: appI18n });
  if (announcement.kind === 'none') return null;
  if (announcement.kind === 'text') return <p>{announcement.text}</p>;
  const { outcome } = announcement;
  if (outcome.ok) return <p className="erase-done">{t('data.erase.done')}</p>;
  return (
    <div className="error-summary">
      <p>{t('data.erase.incomplete')}</p>
      <ul>
        {outcome.failures.map((failure) => (
          <li key={failure.place}>{t(`data.erase.failures.${failure.place}.${failure.reason}`)}</li>
        ))}
      </ul>
    </div>
  );
}

function StoredSummary({ summary }: { summary: LocalDataSummary }) {
  const { t } = useTranslation('pages', { i18n: appI18n });
  const { diagnoses, group, language, tab } = summary;
  const listKeys = (keys: string[]) => (keys.length > 0 ? keys.join(', ') : t('data.stored.keysNone'));
  return (
    <>
      {summary.isIndexedDbAvailable ? null : <p className="warning-card">{t('data.stored.noIndexedDb')}</p>}
      <ul className="data-summary">
        <li>
          {diagnoses === null ? t('data.stored.diagnosesUnreadable') : diagnoses === 0 ? t('data.stored.diagnosesNone') : t('data.stored.diagnoses', { count: diagnoses })}
        </li>
        {summary.setAsideRecords > 0 ? <li>{t('data.stored.setAside', { count: summary.setAsideRecords })}</li> : null}
        <li>
          {group === null
            ? t('data.stored.groupUnknown')
            : group.status === 'found'
              ? t('data.stored.group', { count: group.respondents })
              : group.status === 'unreadable'
                ? t('data.stored.groupUnreadable')
                : t('data.stored.groupNone')}
        </li>
        <li>{language === null ? t('data.stored.languageNone') : t('data.stored.language', { language: isLanguage(language) ? LANGUAGE_NAMES[language] : language })}</li>
        {summary.hasLegacyDraft ? <li>{t('data.stored.legacyDraft')}</li> : null}
        {tab.hasOpenDiagnosis ? <li>{t('data.stored.openDiagnosis')}</li> : null}
        {tab.hasPendingCopy ? <li>{t('data.stored.pendingCopy')}</li> : null}
        {tab.isWorkshop ? <li>{t('data.stored.workshop')}</li> : null}
      </ul>
      <details className="info-technical">
        <summary>{t('data.stored.keysLabel')}</summary>
        <p>{t('data.stored.keysLocal', { keys: listKeys(summary.localStorageKeys) })}</p>
        <p>{t('data.stored.keysSession', { keys: listKeys(summary.sessionStorageKeys) })}</p>
      </details>
    </>
  );
}
