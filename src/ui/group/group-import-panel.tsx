import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { bindFrenchPunctuation } from '../../domain/french-typography';
import { findShareLinks } from '../../data/share-link';

export interface GroupImportInput {
  files: File[];
  links: string[];
}

export interface GroupImportResult {
  addedCount: number;
  rejected: { source: string; reasons: string[] }[];
  warnings: { source: string; warnings: string[] }[];
}

export type GroupImportStatus = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; result: GroupImportResult } | { kind: 'failed' };

/**
 * Files (picker or drag-and-drop: the picker is the keyboard's way) and pasted share links. Every
 * source is reported: how many answers were added, and each refused source with its reasons.
 */
export function GroupImportPanel({
  onImport,
  status,
  onStatusChange: setStatus,
  headingRef,
}: {
  onImport: (input: GroupImportInput) => Promise<GroupImportResult>;
  /** Kept by the page: the first import replaces the empty page by the group, and its report must survive that. */
  status: GroupImportStatus;
  onStatusChange: (status: GroupImportStatus) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation('group');
  const [links, setLinks] = useState('');
  const reportRef = useRef<HTMLDivElement>(null);
  // The first import replaces the empty page (and the control that had the focus): the report takes the focus then.
  useEffect(() => {
    const focused = document.activeElement;
    if (status.kind === 'done' && (focused === null || focused === document.body)) reportRef.current?.focus();
  }, [status]);
  const [isDragging, setIsDragging] = useState(false);
  const ids = useId();
  const filesId = `${ids}-files`;
  const linksId = `${ids}-links`;

  const run = async (input: GroupImportInput) => {
    if (input.files.length === 0 && input.links.length === 0) return;
    setStatus({ kind: 'working' });
    try {
      const result = await onImport(input);
      setStatus({ kind: 'done', result });
      if (input.links.length > 0) setLinks('');
    } catch (error) {
      console.error(error);
      setStatus({ kind: 'failed' });
    }
  };
  const isWorking = status.kind === 'working';

  return (
    <section className="card group-import" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {t('import.heading')}
      </h2>
      <p>{t('import.help')}</p>
      <div
        className={isDragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragEnter={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          // Leaving for a child of the zone is not leaving the zone.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setIsDragging(false);
          void run({ files: [...event.dataTransfer.files], links: [] });
        }}
      >
        <label htmlFor={filesId} className="field-label">
          {t('import.filesLabel')}
        </label>
        <p id={`${filesId}-hint`} className="field-help">
          {t('import.filesHint')}
        </p>
        <input
          id={filesId}
          type="file"
          multiple
          accept=".json,application/json"
          aria-describedby={`${filesId}-hint`}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void run({ files, links: [] });
          }}
        />
        <p className="drop-zone-text" aria-hidden="true">
          {isDragging ? t('import.dropZoneActive') : t('import.dropZone')}
        </p>
      </div>

      <form
        className="group-import-links"
        onSubmit={(event) => {
          event.preventDefault();
          void run({ files: [], links: findShareLinks(links) });
        }}
      >
        <label htmlFor={linksId} className="field-label">
          {t('import.linksLabel')}
        </label>
        <p id={`${linksId}-hint`} className="field-help">
          {t('import.linksHint')}
        </p>
        <textarea id={linksId} rows={3} value={links} aria-describedby={`${linksId}-hint`} onChange={(event) => setLinks(event.target.value)} />
        <div className="step-actions">
          <button type="submit" className="button button-secondary" disabled={isWorking || findShareLinks(links).length === 0}>
            {t('import.submit')}
          </button>
        </div>
      </form>

      <div ref={reportRef} tabIndex={-1} className="import-report" role="status" aria-live="polite" aria-label={t('import.reportLabel')}>
        {status.kind === 'working' ? <p>{t('import.working')}</p> : null}
        {status.kind === 'failed' ? <p className="field-error">{t('import.failed')}</p> : null}
        {status.kind === 'done' ? <ImportReportView result={status.result} /> : null}
      </div>
    </section>
  );
}

function ImportReportView({ result }: { result: GroupImportResult }) {
  const { t } = useTranslation('group');
  const warnings = result.warnings.filter((entry) => entry.warnings.length > 0);
  return (
    <>
      <p className="import-added">
        <strong>{t('import.added', { count: result.addedCount })}</strong>
      </p>
      {result.rejected.length > 0 ? (
        <div className="error-summary import-rejected">
          <p>
            <strong>{t('import.rejectedHeading', { count: result.rejected.length })}</strong>
          </p>
          <ul>
            {result.rejected.map((entry, index) => (
              <li key={`${entry.source}-${index}`}>
                <span className="import-source">{entry.source}</span>
                <ul>
                  {entry.reasons.map((reason) => (
                    <li key={reason}>{bindFrenchPunctuation(reason)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className="notice warning-card">
          <p>
            <strong>{t('import.warningsHeading')}</strong>
          </p>
          <ul>
            {warnings.map((entry, index) => (
              <li key={`${entry.source}-${index}`}>
                <span className="import-source">{entry.source}</span>
                <ul>
                  {entry.warnings.map((warning) => (
                    <li key={warning}>{bindFrenchPunctuation(warning)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
