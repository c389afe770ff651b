import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry, LibraryListResult, QuarantinedRecord } from '../../data/diagnosis-library';
import { groupByOrganisation, selectDefaultComparison, selectRedoSource, type OrganisationGroup } from '../../domain/library-groups';
import { labelRole } from '../respondent-label';
import { formatLibraryDate, formatLibraryDateTime, isLibraryEmpty, nameOfEntry } from './library-format';
import './library.css';

/** Organisations shown before « Afficher les autres »: a library of hundreds stays quick to open. */
const FIRST_ORGANISATIONS = 10;

export interface LibraryActions {
  onOpen: (entry: LibraryEntry) => void;
  onRedo: (entry: LibraryEntry) => void;
  onCompare: (olderId: string, newerId: string) => void;
  onRename: (entry: LibraryEntry, title: string | null) => void;
  onDuplicate: (entry: LibraryEntry) => void;
  onDelete: (entry: LibraryEntry) => void;
  onExport: (entry: LibraryEntry) => void;
  onDownloadQuarantined: (record: QuarantinedRecord) => void;
  onDeleteQuarantined: (record: QuarantinedRecord) => void;
}

export function LibrarySection({
  result,
  errors = [],
  questionnaireTitles,
  actions,
}: {
  result: LibraryListResult | undefined;
  /** Why the last diagnosis asked for could not be opened or changed. */
  errors?: readonly string[];
  questionnaireTitles: Readonly<Record<string, string>>;
  actions: LibraryActions;
}) {
  const { t } = useTranslation();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A deleted row takes the focus with it: the list's heading gets it, not the page's start.
  const rowActions: LibraryActions = {
    ...actions,
    onDelete: (entry) => {
      actions.onDelete(entry);
      headingRef.current?.focus();
    },
  };
  const errorSummary =
    errors.length > 0 ? (
      <div className="error-summary" role="alert">
        {errors.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    ) : null;
  // Nothing while the library is read (a few milliseconds): a line that appears and goes would move the page under the reader.
  if (!result) return null;
  if (result.status === 'unavailable') {
    return (
      <>
        {errorSummary}
        <p className="notice warning-card" role="note">
          {t('library.unavailable')}
        </p>
      </>
    );
  }
  // A first visit has nothing to list: the page starts with the choice of questionnaire.
  if (isLibraryEmpty(result)) return errorSummary;
  const groups = groupByOrganisation(result.entries);
  const shown = isShowingAll ? groups : groups.slice(0, FIRST_ORGANISATIONS);
  return (
    <section className="library" aria-labelledby="library-heading">
      <h2 id="library-heading" ref={headingRef} tabIndex={-1}>
        {t('library.heading')}
      </h2>
      {errorSummary}
      {result.newer ? (
        <p className="notice warning-card" role="note">
          {t('library.newerCount', { count: result.newer })}
        </p>
      ) : null}
      {result.quarantined.map((record) => (
        <QuarantinedCard key={record.key} record={record} actions={actions} />
      ))}
      {groups.length === 0 ? null : (
        <>
          <p>{t('library.intro')}</p>
          {shown.map((group) => (
            <OrganisationCard key={group.key} group={group} questionnaireTitles={questionnaireTitles} actions={rowActions} />
          ))}
          {groups.length > shown.length ? (
            <button type="button" className="button button-secondary" onClick={() => setIsShowingAll(true)}>
              {t('library.showMore', { count: groups.length - shown.length })}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function QuarantinedCard({ record, actions }: { record: QuarantinedRecord; actions: LibraryActions }) {
  const { t } = useTranslation();
  return (
    <div className="card warning-card" role="group" aria-label={t('library.quarantinedHeading')}>
      <h3>{t('library.quarantinedHeading')}</h3>
      <p>{t('library.quarantinedText')}</p>
      <div className="step-actions">
        <button type="button" className="button button-secondary" onClick={() => actions.onDownloadQuarantined(record)}>
          {t('library.quarantinedDownload')}
        </button>
        <button
          type="button"
          className="button button-link"
          onClick={() => window.confirm(t('library.quarantinedDeleteConfirm')) && actions.onDeleteQuarantined(record)}
        >
          {t('library.quarantinedDelete')}
        </button>
      </div>
    </div>
  );
}

function OrganisationCard({
  group,
  questionnaireTitles,
  actions,
}: {
  group: OrganisationGroup<LibraryEntry>;
  questionnaireTitles: Readonly<Record<string, string>>;
  actions: LibraryActions;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const name = group.organisationName || t('library.unnamedOrganisation');
  const redoSource = selectRedoSource(group);
  return (
    <article className="card library-organisation" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name} <span className="library-count">· {t('library.count', { count: group.entries.length })}</span>
      </h3>
      <ul className="library-entries">
        {group.entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} questionnaireTitle={questionnaireTitles[entry.file.questionnaire.id] ?? entry.file.questionnaire.id} actions={actions} />
        ))}
      </ul>
      <div className="library-organisation-actions">
        <div>
          <button type="button" className="button button-primary" aria-label={t('library.redoOf', { name })} onClick={() => actions.onRedo(redoSource)}>
            {t('library.redo')}
          </button>
          <p className="library-help">{t('library.redoHelp', { date: formatLibraryDate(redoSource.file.updatedAt) })}</p>
        </div>
        {group.entries.length > 1 ? <CompareForm group={group} onCompare={actions.onCompare} /> : null}
      </div>
    </article>
  );
}

function EntryRow({ entry, questionnaireTitle, actions }: { entry: LibraryEntry; questionnaireTitle: string; actions: LibraryActions }) {
  const { t } = useTranslation();
  const [isRenaming, setIsRenaming] = useState(false);
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const closeRename = () => {
    setIsRenaming(false);
    // The form goes away with the focus in it: give it back to the button that opened it.
    requestAnimationFrame(() => renameButtonRef.current?.focus());
  };
  const name = nameOfEntry(entry);
  const date = formatLibraryDateTime(entry.file.updatedAt);
  // Every row has the same buttons: each one names its diagnosis for a screen reader's list of buttons.
  const about = (action: string) => t('library.about', { action, name, date });
  const openLabel = entry.status === 'completed' ? t('library.open') : t('library.resume');
  const { respondent } = entry.file;
  const who = [respondent.name?.trim(), respondent.role ? labelRole(respondent.role) : undefined].filter(Boolean).join(', ');
  return (
    <li className="library-entry">
      {isRenaming ? (
        <RenameForm
          initial={entry.title ?? ''}
          placeholder={name}
          onCancel={closeRename}
          onSave={(title) => {
            closeRename();
            actions.onRename(entry, title);
          }}
        />
      ) : (
        <p className="library-entry-title">
          <strong>{name}</strong>
        </p>
      )}
      <p className="library-entry-meta">
        <span>{questionnaireTitle}</span>
        <span className={entry.status === 'completed' ? 'status-badge status-completed' : 'status-badge status-in-progress'}>
          {entry.status === 'completed' && entry.completedAt
            ? t('library.statusCompleted', { date: formatLibraryDate(entry.completedAt) })
            : t('library.statusInProgress', { step: t(`library.steps.${entry.step}`) })}
        </span>
        <span>{t('library.lastChange', { date })}</span>
        {who ? <span>{t('library.respondent', { who })}</span> : null}
      </p>
      <div className="library-entry-actions">
        <button type="button" className="button button-secondary" aria-label={about(openLabel)} onClick={() => actions.onOpen(entry)}>
          {openLabel}
        </button>
        <button ref={renameButtonRef} type="button" className="button button-link" aria-label={about(t('library.rename'))} onClick={() => setIsRenaming(true)}>
          {t('library.rename')}
        </button>
        <button type="button" className="button button-link" aria-label={about(t('library.duplicate'))} onClick={() => actions.onDuplicate(entry)}>
          {t('library.duplicate')}
        </button>
        <button type="button" className="button button-link" aria-label={about(t('library.export'))} onClick={() => actions.onExport(entry)}>
          {t('library.export')}
        </button>
        <button
          type="button"
          className="button button-link button-danger"
          aria-label={about(t('library.delete'))}
          onClick={() => window.confirm(t('library.deleteConfirm', { name, date })) && actions.onDelete(entry)}
        >
          {t('library.delete')}
        </button>
      </div>
    </li>
  );
}

/** Left blank, the diagnosis goes back to its organisation's name (shown as the placeholder). */
function RenameForm({ initial, placeholder, onSave, onCancel }: { initial: string; placeholder: string; onSave: (title: string | null) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [value, setValue] = useState(initial);
  return (
    <form
      className="library-rename"
      onSubmit={(event) => {
        event.preventDefault();
        const title = value.replace(/\s+/g, ' ').trim();
        onSave(title === '' ? null : title);
      }}
    >
      <label htmlFor={inputId}>{t('library.renameLabel')}</label>
      <input id={inputId} type="text" value={value} placeholder={placeholder} maxLength={200} autoFocus onChange={(event) => setValue(event.target.value)} />
      <button type="submit" className="button button-primary">
        {t('library.renameSave')}
      </button>
      <button type="button" className="button button-link" onClick={onCancel}>
        {t('library.renameCancel')}
      </button>
    </form>
  );
}

function CompareForm({ group, onCompare }: { group: OrganisationGroup<LibraryEntry>; onCompare: (olderId: string, newerId: string) => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const defaults = selectDefaultComparison(group);
  const [olderId, setOlderId] = useState(defaults?.older.id ?? '');
  const [newerId, setNewerId] = useState(defaults?.newer.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const options = group.entries.map((entry) => (
    <option key={entry.id} value={entry.id}>
      {`${nameOfEntry(entry)} – ${formatLibraryDateTime(entry.file.updatedAt)}`}
    </option>
  ));
  return (
    <form
      className="library-compare"
      aria-labelledby={`${baseId}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (olderId === newerId) return setError(t('library.compareSame'));
        setError(null);
        // Whatever the order chosen, the evolution reads from the earlier to the later.
        const older = group.entries.find((entry) => entry.id === olderId);
        const newer = group.entries.find((entry) => entry.id === newerId);
        if (!older || !newer) return;
        const isInOrder = Date.parse(older.file.updatedAt) <= Date.parse(newer.file.updatedAt);
        onCompare(isInOrder ? older.id : newer.id, isInOrder ? newer.id : older.id);
      }}
    >
      <h4 id={`${baseId}-heading`}>{t('library.compareHeading')}</h4>
      <label htmlFor={`${baseId}-older`}>{t('library.compareOlder')}</label>
      <select id={`${baseId}-older`} value={olderId} onChange={(event) => setOlderId(event.target.value)}>
        {options}
      </select>
      <label htmlFor={`${baseId}-newer`}>{t('library.compareNewer')}</label>
      <select id={`${baseId}-newer`} value={newerId} onChange={(event) => setNewerId(event.target.value)}>
        {options}
      </select>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-secondary">
        {t('library.compare')}
      </button>
    </form>
  );
}
