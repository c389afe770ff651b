import type { DimensionScore, Scores } from './scoring';

export interface Highlights {
  strengths: DimensionScore[];
  fragilities: DimensionScore[];
}

/**
 * The strongest and the weakest scored dimensions (three of each by default), never the same
 * dimension twice; ties keep the questionnaire's order so the result is stable.
 */
export function selectHighlights(scores: Pick<Scores, 'dimensions'>, count = 3): Highlights {
  const scored = scores.dimensions
    .map((dimension, index) => ({ dimension, index }))
    .filter((entry): entry is { dimension: DimensionScore & { score: number }; index: number } => entry.dimension.score !== null);
  const strongestFirst = [...scored].sort((a, b) => b.dimension.score - a.dimension.score || a.index - b.index);
  const strengthCount = Math.min(count, Math.ceil(scored.length / 2));
  const strengths = strongestFirst.slice(0, strengthCount);
  const fragilities = [...scored]
    .sort((a, b) => a.dimension.score - b.dimension.score || a.index - b.index)
    .filter((entry) => !strengths.includes(entry))
    .slice(0, count);
  return { strengths: strengths.map((entry) => entry.dimension), fragilities: fragilities.map((entry) => entry.dimension) };
}
