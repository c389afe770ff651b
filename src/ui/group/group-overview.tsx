import { useEffect, useId, useRef, useState } from 'react';
import type { Group, GroupAggregate } from '../../domain/group';
import { PILLAR_LABELS } from '../../domain/pillars';
import { labelRespondent } from '../../domain/respondents';
import { groupMessages } from './group-messages';
import { ScrollRegion, SpreadTable, formatScore } from './spread-table';

/** Rows shown before « Afficher les N autres »: an adviser's batch of 1,000 files would otherwise lay out 1,000 rows. */
export const RESPONDENTS_SHOWN_FIRST = 20;

// One formatter for every row: building one per call costs about 0.3 ms, 300 ms for 1,000 respondents.
const ANSWER_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

interface GroupOverviewProps {
  group: Group;
  aggregate: GroupAggregate;
  showNames: boolean;
  onShowNamesChange: (showNames: boolean) => void;
  onRemove: (memberId: string) => void | Promise<void>;
}

/** Who answered, and how their scores spread per area, per dimension and per role. */
export function GroupOverview({ group, aggregate, showNames, onShowNamesChange, onRemove }: GroupOverviewProps) {
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
        <h2 id={`${ids}-overview`}>{groupMessages.overview.heading}</h2>
        <p className="group-count">
          <strong>{groupMessages.overview.respondents(aggregate.respondentCount)}</strong>
        </p>
        <ul className="role-counts" aria-label={groupMessages.overview.rolesLabel}>
          {aggregate.roles.map((role) => (
            <li key={role.role}>
              {role.label}&nbsp;: <strong>{role.count}</strong>
            </li>
          ))}
        </ul>
        {aggregate.organisations.length > 1 ? (
          <p className="notice warning-card" role="note">
            {groupMessages.overview.organisationsNote(
              aggregate.organisations.map((organisation) => groupMessages.overview.organisationItem(organisation.name, organisation.count)).join(', '),
              aggregate.organisations[0]?.name ?? '',
            )}
          </p>
        ) : null}
        {aggregate.versions.length > 1 ? (
          <p className="notice warning-card" role="note">
            {groupMessages.overview.versionsNote(
              aggregate.versions.map((version) => groupMessages.overview.versionItem(version.version, version.count)).join(', '),
            )}
          </p>
        ) : null}

        <h3 id={`${ids}-respondents`} ref={respondentsHeadingRef} tabIndex={-1}>
          {groupMessages.overview.respondentsHeading}
        </h3>
        <p className="field-help">{groupMessages.overview.respondentsHelp}</p>
        <label className="checkbox-option">
          <input type="checkbox" checked={showNames} onChange={(event) => onShowNamesChange(event.target.checked)} />
          {groupMessages.overview.showNames}
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
                  {groupMessages.overview.answeredOn(ANSWER_DATE.format(new Date(member.file.updatedAt)))}
                </span>
                <button
                  type="button"
                  className="button button-link respondent-remove"
                  aria-label={groupMessages.overview.removeLabel(label)}
                  onClick={async () => {
                    if (!window.confirm(groupMessages.overview.removeConfirm(label))) return;
                    await onRemove(member.id);
                    setRemoval(groupMessages.overview.removed(label));
                    respondentsHeadingRef.current?.focus();
                  }}
                >
                  {groupMessages.overview.remove}
                </button>
              </li>
            );
          })}
        </ul>
        {folded ? (
          <button type="button" className="button button-secondary respondents-more" onClick={() => setShowAll(true)}>
            {groupMessages.overview.showOthers(hiddenCount)}
          </button>
        ) : null}
        <p role="status" className="group-status">
          {removal}
        </p>
      </section>

      <section className="card" aria-labelledby={`${ids}-areas`}>
        <h2 id={`${ids}-areas`}>{groupMessages.overview.areasHeading}</h2>
        <SpreadTable caption={groupMessages.overview.areasCaption} firstColumn={groupMessages.overview.area} rows={aggregate.areas} />
        <h3 id={`${ids}-dimensions`}>{groupMessages.overview.dimensionsHeading}</h3>
        <SpreadTable caption={groupMessages.overview.dimensionsCaption} firstColumn={groupMessages.overview.dimension} rows={aggregate.dimensions} />
      </section>

      <section className="card" aria-labelledby={`${ids}-roles`}>
        <h2 id={`${ids}-roles`}>{groupMessages.overview.byRoleHeading}</h2>
        <p>{groupMessages.overview.byRoleHelp}</p>
        <ScrollRegion label={groupMessages.overview.byRoleCaption}>
          <table className="scores-table role-table">
            <caption className="visually-hidden">{groupMessages.overview.byRoleCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{groupMessages.overview.role}</th>
                <th scope="col">{groupMessages.overview.count}</th>
                {areaIds.map((areaId) => (
                  <th key={areaId} scope="col">
                    {PILLAR_LABELS[areaId]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {aggregate.byRole.map((role) => (
                <tr key={role.role}>
                  <th scope="row">{role.label}</th>
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
