import { useTranslation } from 'react-i18next';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Text } from 'recharts';

interface PillarPoint {
  label: string;
  score: number | null;
}

/** The three pillars at a glance; the scores table above carries the same figures as text. */
export default function PillarRadarChart({ pillars }: { pillars: PillarPoint[] }) {
  const { t } = useTranslation();
  const data = pillars.map((pillar) => ({ pillar: pillar.label, score: pillar.score ?? 0 }));
  const description = pillars
    .map((pillar) => t('synthesis.chartItem', { label: pillar.label, value: pillar.score === null ? t('synthesis.insufficient') : t('synthesis.scoreOutOf', { score: pillar.score }) }))
    .join(', ');
  return (
    <figure className="radar">
      <div role="img" aria-label={`${t('synthesis.chartHeading')}. ${description}`} className="radar-canvas">
        <ResponsiveContainer width="100%" height={280}>
          <RadarChart data={data} outerRadius="56%" accessibilityLayer={false}>
            <PolarGrid />
            <PolarAngleAxis dataKey="pillar" tick={<WrappedPillarTick />} />
            <PolarRadiusAxis domain={[0, 100]} tickCount={5} tick={{ fill: '#3e4c59', fontSize: 11 }} angle={30} />
            <Radar dataKey="score" stroke="#0b5e55" strokeWidth={2} fill="#0b5e55" fillOpacity={0.25} isAnimationActive={false} dot />
          </RadarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{t('synthesis.chartHeading')}</figcaption>
    </figure>
  );
}

/** Pillar names wrap on two lines, so that "Alliances stratégiques" stays inside a phone's screen. */
function WrappedPillarTick(props: { x?: number; y?: number; textAnchor?: 'start' | 'middle' | 'end'; payload?: { value: string } }) {
  return (
    <Text x={props.x} y={props.y} width={90} textAnchor={props.textAnchor ?? 'middle'} verticalAnchor="middle" fontSize={12.5} fill="#1f2933">
      {props.payload?.value ?? ''}
    </Text>
  );
}
