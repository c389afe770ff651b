import { Text } from 'recharts';

/**
 * A category axis label that wraps on up to three lines instead of running into the bars (long
 * dimension and pillar names). `labelWidth` is the axis width; recharts adds x, y and payload.
 */
export function WrappedTick({ labelWidth, x, y, payload }: { labelWidth: number; x?: number; y?: number; payload?: { value: string } }) {
  return (
    <Text x={x} y={y} width={labelWidth - 10} textAnchor="end" verticalAnchor="middle" fontSize={12} fill="#1f2933" maxLines={3}>
      {payload?.value ?? ''}
    </Text>
  );
}
