import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaSpread, DimensionSpread, LevelCount } from '../../domain/group';
import { i18n } from '../../i18n/i18n';

const INSUFFICIENT = 'insufficient';

/** Levels lightest to darkest, 'insufficient' hatched: the written counts beside carry the same figures. */
export function levelSegmentClass(level: string, index: number): string {
  return level === INSUFFICIENT ? 'level-segment level-segment-insufficient' : `level-segment level-segment-${index}`;
}

/**
 * How many respondents reached each level, as a stacked bar that writes each count, followed by
 * the same counts in words (the colours only help the eye, they never carry the information alone).
 */
export function LevelDistribution({ distribution }: { distribution: readonly LevelCount[] }) {
  const { t } = useTranslation('group');
  const { t: tc } = useTranslation();
  // Level labels come from the questionnaire; 'insufficient' is the domain's, named here in the interface's language.
  const labelOf = (entry: LevelCount) => (entry.level === INSUFFICIENT ? tc('synthesis.insufficient') : entry.label);
  const total = distribution.reduce((sum, entry) => sum + entry.count, 0);
  const present = distribution.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.count > 0);
  return (
    <div className="level-distribution">
      {total > 0 ? (
        <div className="level-bar" aria-hidden="true">
          {present.map(({ entry, index }) => (
            <span key={entry.level} className={levelSegmentClass(entry.level, index)} style={{ flexGrow: entry.count }} title={`${labelOf(entry)}${t('overview.countSeparator')}${entry.count}`}>
              {entry.count}
            </span>
          ))}
        </div>
      ) : null}
      <p className="level-counts">
        {present.length === 0
          ? t('overview.noneAtLevel')
          : present.map(({ entry, index }, position) => (
              <span key={entry.level} className="level-count">
                <span className={`level-swatch ${levelSegmentClass(entry.level, index)}`} aria-hidden="true" />
                {labelOf(entry)}
                {t('overview.countSeparator')}
                {entry.count}
                {position < present.length - 1 ? <span className="visually-hidden">, </span> : null}
              </span>
            ))}
      </p>
    </div>
  );
}

/** A wide table scrolls inside its own focusable box, so that a phone never scrolls the whole page sideways. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('group');
  return (
    <div className="group-table-scroll" role="region" aria-label={t('overview.scrollRegion', { caption: label })} tabIndex={0}>
      {children}
    </div>
  );
}

export function formatScore(value: number | null): string {
  return value === null ? i18n.t('overview.notScored', { ns: 'group' }) : String(Math.round(value));
}

type SpreadRow = AreaSpread | DimensionSpread;

function isDimensionSpread(row: SpreadRow): row is DimensionSpread {
  return 'area' in row;
}

/**
 * Mean, distribution of levels, minimum and maximum of each area or dimension. The distribution,
 * the main information, comes right after the mean; below 40rem each row becomes a block (name,
 * then the figures with their names written beside them, then the distribution), so that a phone
 * never has to scroll sideways to reach it. The figures' written names are hidden from screen
 * readers, which announce the column headers instead.
 */
export function SpreadTable({ caption, firstColumn, rows }: { caption: string; firstColumn: string; rows: readonly SpreadRow[] }) {
  const { t } = useTranslation('group');
  const { t: tc } = useTranslation();
  const [mean, min, max, distribution, notScored, notScoredHelp] = [
    t('overview.mean'),
    t('overview.min'),
    t('overview.max'),
    t('overview.distribution'),
    t('overview.notScored'),
    t('overview.notScoredHelp'),
  ];
  return (
    <table className="scores-table spread-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{mean}</th>
          <th scope="col">{distribution}</th>
          <th scope="col">{min}</th>
          <th scope="col">{max}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="spread-name">
              {isDimensionSpread(row) ? row.label : tc(`pillars.${row.id}`)}
              {isDimensionSpread(row) ? <span className="dimension-pillar">{tc(`pillars.${row.area}`)}</span> : null}
            </th>
            <td className="spread-number spread-mean">
              <CellName>{mean}</CellName>
              {row.mean === null ? <span title={notScoredHelp}>{notScored}</span> : <strong>{formatScore(row.mean)}</strong>}
            </td>
            <td className="spread-distribution">
              <LevelDistribution distribution={row.distribution} />
            </td>
            <td className="spread-number spread-min">
              <CellName>{min}</CellName>
              {formatScore(row.min)}
            </td>
            <td className="spread-number spread-max">
              <CellName>{max}</CellName>
              {formatScore(row.max)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A figure's name written in its cell, seen only when the rows are stacked (the header row is then out of sight). */
function CellName({ children }: { children: string }) {
  return (
    <span className="spread-cell-name" aria-hidden="true">
      {children}{' '}
    </span>
  );
}
