import { PILLAR_LABELS } from './pillars';
import type { Level } from './questionnaire-schema';
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

export type HighlightKind = 'strength' | 'fragility';

/**
 * One sober sentence per highlight, shared by the synthesis and the report:
 * "Compétences (Richesses humaines) : 67 / 100, consolidé — un appui pour la suite."
 * A weak dimension at the lowest level is a priority; above it, a margin to work on.
 */
export function describeHighlight(dimension: DimensionScore, kind: HighlightKind, levels: readonly Level[]): string {
  // A project dimension already names the project ("Gouvernance du projet"); a pillar's says which pillar.
  const opening = dimension.area === 'project' ? dimension.label : `${dimension.label} (${PILLAR_LABELS[dimension.area]})`;
  const figure = dimension.score === null ? 'données insuffisantes' : `${dimension.score} / 100`;
  const level = dimension.level ? `, ${dimension.level.label.toLocaleLowerCase('fr-FR')}` : '';
  return `${opening} : ${figure}${level} — ${chooseEnding(dimension, kind, levels)}`;
}

function chooseEnding(dimension: DimensionScore, kind: HighlightKind, levels: readonly Level[]): string {
  const sorted = [...levels].sort((a, b) => a.minScore - b.minScore);
  const rank = dimension.level ? sorted.findIndex((level) => level.id === dimension.level?.id) : -1;
  if (kind === 'strength') return rank === sorted.length - 1 ? 'un point d’appui solide pour la suite.' : 'un appui pour la suite.';
  return rank <= 0 ? 'une piste à travailler en priorité.' : 'une marge de progrès à travailler.';
}
