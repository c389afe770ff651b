import type { ReactNode } from 'react';
import type { AreaSpread, DimensionSpread, LevelCount } from '../../domain/group';
import { PILLAR_LABELS } from '../../domain/pillars';
import { groupMessages } from './group-messages';

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
  const total = distribution.reduce((sum, entry) => sum + entry.count, 0);
  const present = distribution.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.count > 0);
  return (
    <div className="level-distribution">
      {total > 0 ? (
        <div className="level-bar" aria-hidden="true">
          {present.map(({ entry, index }) => (
            <span key={entry.level} className={levelSegmentClass(entry.level, index)} style={{ flexGrow: entry.count }} title={`${entry.label} : ${entry.count}`}>
              {entry.count}
            </span>
          ))}
        </div>
      ) : null}
      <p className="level-counts">
        {present.length === 0
          ? groupMessages.overview.noneAtLevel
          : present.map(({ entry, index }, position) => (
              <span key={entry.level} className="level-count">
                <span className={`level-swatch ${levelSegmentClass(entry.level, index)}`} aria-hidden="true" />
                {entry.label}&nbsp;: {entry.count}
                {position < present.length - 1 ? <span className="visually-hidden">, </span> : null}
              </span>
            ))}
      </p>
    </div>
  );
}

/** A wide table scrolls inside its own focusable box, so that a phone never scrolls the whole page sideways. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="group-table-scroll" role="region" aria-label={groupMessages.overview.scrollRegion(label)} tabIndex={0}>
      {children}
    </div>
  );
}

export function formatScore(value: number | null): string {
  return value === null ? groupMessages.overview.notScored : String(Math.round(value));
}

type SpreadRow = AreaSpread | DimensionSpread;

function isDimensionSpread(row: SpreadRow): row is DimensionSpread {
  return 'area' in row;
}

/** Mean, minimum, maximum and the distribution of levels of each area or dimension. */
export function SpreadTable({ caption, firstColumn, rows }: { caption: string; firstColumn: string; rows: readonly SpreadRow[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="scores-table spread-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{groupMessages.overview.mean}</th>
            <th scope="col">{groupMessages.overview.min}</th>
            <th scope="col">{groupMessages.overview.max}</th>
            <th scope="col">{groupMessages.overview.distribution}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.label}
                {isDimensionSpread(row) ? <span className="dimension-pillar">{PILLAR_LABELS[row.area]}</span> : null}
              </th>
              <td className="spread-number">
                {row.mean === null ? <span title={groupMessages.overview.notScoredHelp}>{groupMessages.overview.notScored}</span> : <strong>{formatScore(row.mean)}</strong>}
              </td>
              <td className="spread-number">{formatScore(row.min)}</td>
              <td className="spread-number">{formatScore(row.max)}</td>
              <td className="spread-distribution">
                <LevelDistribution distribution={row.distribution} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
