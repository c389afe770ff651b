import { PILLAR_LABELS, type PillarLabels } from './pillars';
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

/** How a highlight ends: on a solid strength, a strength, a priority (lowest level) or a margin of progress. */
export type HighlightEnding = 'solid-support' | 'support' | 'priority' | 'margin';

/** The words of a highlight sentence in one language; French by default. */
export interface HighlightWording {
  /** A BCP 47 tag: the level's label is lower-cased inside the sentence. */
  localeTag: string;
  pillarLabels: PillarLabels;
  /** « Compétences (Richesses humaines) : 67 / 100, consolidé — un appui pour la suite. » */
  describe(parts: { dimension: string; pillar: string | null; score: number | null; level: string | null; ending: HighlightEnding }): string;
}

const FRENCH_ENDINGS: Record<HighlightEnding, string> = {
  'solid-support': 'un point d’appui solide pour la suite.',
  support: 'un appui pour la suite.',
  priority: 'une piste à travailler en priorité.',
  margin: 'une marge de progrès à travailler.',
};

export const FRENCH_HIGHLIGHT_WORDING: HighlightWording = {
  localeTag: 'fr-FR',
  pillarLabels: PILLAR_LABELS,
  describe: ({ dimension, pillar, score, level, ending }) =>
    `${pillar === null ? dimension : `${dimension} (${pillar})`} : ${score === null ? 'données insuffisantes' : `${score} / 100`}${level ? `, ${level}` : ''} — ${FRENCH_ENDINGS[ending]}`,
};

/**
 * One sober sentence per highlight, shared by the synthesis and the report:
 * "Compétences (Richesses humaines) : 67 / 100, consolidé — un appui pour la suite."
 * A weak dimension at the lowest level is a priority; above it, a margin to work on.
 */
export function describeHighlight(
  dimension: DimensionScore,
  kind: HighlightKind,
  levels: readonly Level[],
  wording: HighlightWording = FRENCH_HIGHLIGHT_WORDING,
): string {
  return wording.describe({
    dimension: dimension.label,
    // A project dimension already names the project ("Gouvernance du projet"); a pillar's says which pillar.
    pillar: dimension.area === 'project' ? null : wording.pillarLabels[dimension.area],
    score: dimension.score,
    level: dimension.level ? dimension.level.label.toLocaleLowerCase(wording.localeTag) : null,
    ending: chooseEnding(dimension, kind, levels),
  });
}

function chooseEnding(dimension: DimensionScore, kind: HighlightKind, levels: readonly Level[]): HighlightEnding {
  const sorted = [...levels].sort((a, b) => a.minScore - b.minScore);
  const rank = dimension.level ? sorted.findIndex((level) => level.id === dimension.level?.id) : -1;
  if (kind === 'strength') return rank === sorted.length - 1 ? 'solid-support' : 'support';
  return rank <= 0 ? 'priority' : 'margin';
}
