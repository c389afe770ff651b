import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { WrappedTick } from '../charts/wrapped-tick';

export interface DimensionBar {
  id: string;
  label: string;
  pillarLabel: string;
  score: number | null;
}

const ROW_HEIGHT = 46;
const LABEL_WIDTH = 150;

/** The dimensions as horizontal bars; the dimensions table beside it carries the same figures as text. */
export default function DimensionBarChart({ dimensions }: { dimensions: DimensionBar[] }) {
  const { t } = useTranslation();
  const data = dimensions.map((dimension) => ({
    label: dimension.label,
    score: dimension.score ?? 0,
    // The value is written at the end of each bar, so the chart never relies on length or colour alone.
    valueLabel: dimension.score === null ? t('synthesis.notScored') : String(dimension.score),
  }));
  const description = dimensions
    .map((dimension) => t('synthesis.chartItem', { label: dimension.label, value: dimension.score === null ? t('synthesis.notScored') : t('synthesis.scoreOutOf', { score: dimension.score }) }))
    .join(', ');
  return (
    <figure className="bar-chart">
      <div role="img" aria-label={`${t('synthesis.dimensionsChartLabel')}. ${description}`}>
        <ResponsiveContainer width="100%" height={dimensions.length * ROW_HEIGHT + 40}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#d9dde1" />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: '#3e4c59', fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} tick={<WrappedTick labelWidth={LABEL_WIDTH} />} tickLine={false} />
            <Bar dataKey="score" fill="#0b5e55" barSize={18} isAnimationActive={false}>
              <LabelList dataKey="valueLabel" position="right" fill="#1f2933" fontSize={12} fontWeight={700} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{t('synthesis.dimensionsChartLabel')}</figcaption>
    </figure>
  );
}
