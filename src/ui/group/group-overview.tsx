import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, GroupAggregate } from '../../domain/group';
import { formatLibraryDate } from '../library/library-format';
import { labelRespondent, labelRole } from '../respondent-label';
import { ScrollRegion, SpreadTable, formatScore } from './spread-table';

/** Rows shown before « Afficher les N autres »: an adviser's batch of 1,000 files would otherwise lay out 1,000 rows. */
export const RESPONDENTS_SHOWN_FIRST = 20;

interface GroupOverviewProps {
  group: Group;
  aggregate: GroupAggregate;
  showNames: boolean;
  onShowNamesChange: (showNames: boolean) => void;
  onRemove: (memberId: string) => void | Promise<void>;
}

/** Who answered, and how their scores spread per area, per dimension and per role. */
export function GroupOverview({ group, aggregate, showNames, onShowNamesChange, onRemove }: GroupOverviewProps) {
  const { t } = useTranslation('group');
  const { t: tc } = useTranslation();
  const ids = useId();
  const respondentsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [removal, setRemoval] = useState('');
  const [showAll, setShowAll] = useState(false);
  const firstRevealedRef = useRef<HTMLLIElement>(null);
  const areaIds = aggregate.areas.map((area) => area.id);
  // Hiding a single row would save nothing: the list folds only when two or more would be hidden.
  const folded = !showAll && group.members.length > RESPONDENTS_SHOWN_FIRST + 1;
  const shownMembers = folded ? group.members.slice(0, RESPONDENTS_SHOWN_FIRST) : group.members;
  const hiddenCount = group.members.length - shownMembers.length;

  useEffect(() => {
    // The button that was clicked is gone: reading goes on from the first row it revealed.
    if (showAll) firstRevealedRef.current?.focus();
  }, [showAll]);

  return (
    <>
      <section className="card" aria-labelledby={`${ids}-overview`}>
        <h2 id={`${ids}-overview`}>{t('overview.heading')}</h2>
        <p className="group-count">
          <strong>{t('overview.respondents', { count: aggregate.respondentCount })}</strong>
        </p>
        <ul className="role-counts" aria-label={t('overview.rolesLabel')}>
          {aggregate.roles.map((role) => (
            <li key={role.role}>
              {labelRole(role.role)}
              {t('overview.countSeparator')}
              <strong>{role.count}</strong>
            </li>
          ))}
        </ul>
        {aggregate.organisations.length > 1 ? (
          <p className="notice warning-card" role="note">
            {t('overview.organisationsNote', {
              list: aggregate.organisations.map((organisation) => t('overview.organisationItem', { name: organisation.name, count: organisation.count })).join(', '),
              mostFrequent: aggregate.organisations[0]?.name ?? '',
            })}
          </p>
        ) : null}
        {aggregate.versions.length > 1 ? (
          <p className="notice warning-card" role="note">
            {t('overview.versionsNote', {
              list: aggregate.versions.map((version) => t('overview.versionItem', { version: version.version, count: version.count })).join(', '),
            })}
          </p>
        ) : null}

        <h3 id={`${ids}-respondents`} ref={respondentsHeadingRef} tabIndex={-1}>
          {t('overview.respondentsHeading')}
        </h3>
        <p className="field-help">{t('overview.respondentsHelp')}</p>
        <label className="checkbox-option">
          <input type="checkbox" checked={showNames} onChange={(event) => onShowNamesChange(event.target.checked)} />
          {t('overview.showNames')}
        </label>
        <ul className="respondent-list" aria-labelledby={`${ids}-respondents`}>
          {shownMembers.map((member, index) => {
            const label = labelRespondent(member.file, index + 1, { showNames });
            const isFirstRevealed = showAll && index === RESPONDENTS_SHOWN_FIRST;
            return (
              <li
                key={member.id}
                className="respondent-item"
                ref={isFirstRevealed ? firstRevealedRef : undefined}
                tabIndex={isFirstRevealed ? -1 : undefined}
              >
                <span className="respondent-name">{label}</span>
                <span className="respondent-date">
                  {t('overview.answeredOn', { date: formatLibraryDate(member.file.updatedAt) })}
                </span>
                <button
                  type="button"
                  className="button button-link respondent-remove"
                  aria-label={t('overview.removeLabel', { name: label })}
                  onClick={async () => {
                    if (!window.confirm(t('overview.removeConfirm', { name: label }))) return;
                    await onRemove(member.id);
                    setRemoval(t('overview.removed', { name: label }));
                    respondentsHeadingRef.current?.focus();
                  }}
                >
                  {t('overview.remove')}
                </button>
              </li>
            );
          })}
        </ul>
        {folded ? (
          <button type="button" className="button button-secondary respondents-more" onClick={() => setShowAll(true)}>
            {t('overview.showOthers', { count: hiddenCount })}
          </button>
        ) : null}
        <p role="status" className="group-status">
          {removal}
        </p>
      </section>

      <section className="card" aria-labelledby={`${ids}-areas`}>
        <h2 id={`${ids}-areas`}>{t('overview.areasHeading')}</h2>
        <SpreadTable caption={t('overview.areasCaption')} firstColumn={t('overview.area')} rows={aggregate.areas} />
        <h3 id={`${ids}-dimensions`}>{t('overview.dimensionsHeading')}</h3>
        <SpreadTable caption={t('overview.dimensionsCaption')} firstColumn={t('overview.dimension')} rows={aggregate.dimensions} />
      </section>

      <section className="card" aria-labelledby={`${ids}-roles`}>
        <h2 id={`${ids}-roles`}>{t('overview.byRoleHeading')}</h2>
        <p>{t('overview.byRoleHelp')}</p>
        <ScrollRegion label={t('overview.byRoleCaption')}>
          <table className="scores-table role-table">
            <caption className="visually-hidden">{t('overview.byRoleCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.role')}</th>
                <th scope="col">{t('overview.count')}</th>
                {areaIds.map((areaId) => (
                  <th key={areaId} scope="col">
                    {tc(`pillars.${areaId}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {aggregate.byRole.map((role) => (
                <tr key={role.role}>
                  <th scope="row">{labelRole(role.role)}</th>
                  <td className="spread-number">{role.count}</td>
                  {areaIds.map((areaId) => (
                    <td key={areaId} className="spread-number">
                      {formatScore(role.areas.find((area) => area.id === areaId)?.mean ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </>
  );
}
