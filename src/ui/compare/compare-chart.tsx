import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { WrappedTick } from '../charts/wrapped-tick';

export interface CompareBar {
  label: string;
  before: number | null;
  after: number | null;
  /** Written at the end of each bar: « 56 », or « non calculé ». */
  beforeLabel: string;
  afterLabel: string;
}

const ROW_HEIGHT = 64;
const LABEL_WIDTH = 120;
const PRIMARY = '#0b5e55';
const PRIMARY_SOFT = '#d4e9e4';
// The before bars are outlined with dashes, the after bars solid: the two series differ in pattern
// and in position (before always above after), not only in colour (WCAG 1.4.1).
const BEFORE_DASH = '4 3';

/**
 * Before and after per area as paired horizontal bars: the light bar with a dashed outline is
 * before, the solid one after, each with its value written; the table below carries the same figures.
 */
export default function CompareChart({ bars, beforeName, afterName }: { bars: CompareBar[]; beforeName: string; afterName: string }) {
  const { t } = useTranslation('compare');
  const data = bars.map((bar) => ({ ...bar, before: bar.before ?? 0, after: bar.after ?? 0 }));
  const description = bars
    .map((bar) => t('chartDescriptionRow', { label: bar.label, before: bar.beforeLabel, after: bar.afterLabel }))
    .join(t('chartDescriptionSeparator'));
  return (
    <figure className="bar-chart compare-chart">
      <div role="img" aria-label={`${t('chartLabel')}. ${description}`}>
        <ul className="compare-chart-legend">
          <li>
            <LegendSwatch series="before" />
            {beforeName}
          </li>
          <li>
            <LegendSwatch series="after" />
            {afterName}
          </li>
        </ul>
        <ResponsiveContainer width="100%" height={bars.length * ROW_HEIGHT + 38}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 4 }} barGap={2} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#d9dde1" />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: '#3e4c59', fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} tick={<WrappedTick labelWidth={LABEL_WIDTH} />} tickLine={false} />
            <Bar
              dataKey="before"
              name={beforeName}
              fill={PRIMARY_SOFT}
              stroke={PRIMARY}
              strokeWidth={1.5}
              strokeDasharray={BEFORE_DASH}
              barSize={14}
              isAnimationActive={false}
            >
              <LabelList dataKey="beforeLabel" position="right" fill="#1f2933" fontSize={12} />
            </Bar>
            <Bar dataKey="after" name={afterName} fill={PRIMARY} barSize={14} isAnimationActive={false}>
              <LabelList dataKey="afterLabel" position="right" fill="#1f2933" fontSize={12} fontWeight={700} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{t('chartLabel')}</figcaption>
    </figure>
  );
}

/** The legend draws each series as the chart does: dashed outline for before, solid for after. */
function LegendSwatch({ series }: { series: 'before' | 'after' }) {
  return (
    <svg className="compare-chart-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      {series === 'before' ? (
        <rect x="1" y="1" width="26" height="12" fill={PRIMARY_SOFT} stroke={PRIMARY} strokeWidth="1.5" strokeDasharray={BEFORE_DASH} />
      ) : (
        <rect x="0" y="0" width="28" height="14" fill={PRIMARY} />
      )}
    </svg>
  );
}
