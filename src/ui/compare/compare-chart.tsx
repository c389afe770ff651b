import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { WrappedTick } from '../charts/wrapped-tick';
import { compareMessages as M } from './compare-messages';

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

/**
 * Before and after per area as paired horizontal bars: the light outlined bar is before, the
 * solid one after, each with its value written; the table below carries the same figures.
 */
export default function CompareChart({ bars, beforeName, afterName }: { bars: CompareBar[]; beforeName: string; afterName: string }) {
  const data = bars.map((bar) => ({ ...bar, before: bar.before ?? 0, after: bar.after ?? 0 }));
  const description = M.chartDescription(bars.map((bar) => ({ label: bar.label, before: bar.beforeLabel, after: bar.afterLabel })));
  return (
    <figure className="bar-chart compare-chart">
      <div role="img" aria-label={`${M.chartLabel}. ${description}`}>
        <ResponsiveContainer width="100%" height={bars.length * ROW_HEIGHT + 70}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 4 }} barGap={2} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#d9dde1" />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: '#3e4c59', fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} tick={<WrappedTick labelWidth={LABEL_WIDTH} />} tickLine={false} />
            <Legend verticalAlign="top" height={32} itemSorter={null} wrapperStyle={{ fontSize: 13, color: '#1f2933' }} />
            <Bar dataKey="before" name={beforeName} fill="#d4e9e4" stroke="#0b5e55" strokeWidth={1} barSize={14} isAnimationActive={false}>
              <LabelList dataKey="beforeLabel" position="right" fill="#1f2933" fontSize={12} />
            </Bar>
            <Bar dataKey="after" name={afterName} fill="#0b5e55" barSize={14} isAnimationActive={false}>
              <LabelList dataKey="afterLabel" position="right" fill="#1f2933" fontSize={12} fontWeight={700} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{M.chartLabel}</figcaption>
    </figure>
  );
}
