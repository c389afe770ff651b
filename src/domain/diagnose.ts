import type { Horizon, PillarId, Questionnaire, ScoredAreaId, ToolKind, Toolkit } from './questionnaire-schema';
import type { Answers } from './answers';
import { evaluateChecks, type Flag } from './coherence-checks';
import { PILLAR_LABELS } from './pillars';
import { scoreAnswers, selectPillarScores, type AreaScore, type Scores } from './scoring';
import { buildToolkitPath, type PathStep } from './toolkit-path';

export interface Diagnosis {
  scores: Scores;
  project: AreaScore;
  pillars: AreaScore[];
  flags: Flag[];
  path: PathStep[];
}

/** Everything the synthesis shows, derived from the answers alone (never stored beside them). */
export function diagnose(questionnaire: Questionnaire, toolkit: Toolkit, answers: Answers): Diagnosis {
  const scores = scoreAnswers(questionnaire, answers);
  const flags = evaluateChecks(questionnaire, answers, scores);
  const path = buildToolkitPath({ questionnaire, toolkit, answers, scores, flags });
  const project = scores.areas.find((area) => area.id === 'project');
  if (!project) throw new Error('diagnose: scoreAnswers always scores the project');
  return { scores, project, pillars: selectPillarScores(scores), flags, path };
}

export interface DiagnosisSummary {
  questionnaire: { id: string; version: string };
  project: { id: ScoredAreaId; score: number | null; level: string | null };
  pillars: { id: PillarId; label: string; score: number | null; level: string | null; levelLabel: string | null }[];
  dimensions: { id: string; area: ScoredAreaId; score: number | null; level: string | null }[];
  flags: Flag[];
  path: {
    order: number;
    toolId: string;
    title: string;
    pillar: PillarId | null;
    kind: ToolKind;
    horizon: Horizon;
    reason: string;
    url?: string;
  }[];
}

function isPillarScore(area: AreaScore): area is AreaScore & { id: PillarId } {
  return area.id !== 'project';
}

/** A plain, JSON-ready view of a diagnosis: level ids instead of level objects, no tool bodies. */
export function summarizeDiagnosis(questionnaire: Questionnaire, diagnosis: Diagnosis): DiagnosisSummary {
  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    project: { id: diagnosis.project.id, score: diagnosis.project.score, level: diagnosis.project.level?.id ?? null },
    pillars: diagnosis.pillars.filter(isPillarScore).map((area) => ({
      id: area.id,
      label: PILLAR_LABELS[area.id],
      score: area.score,
      level: area.level?.id ?? null,
      levelLabel: area.level?.label ?? null,
    })),
    dimensions: diagnosis.scores.dimensions.map((dimension) => ({
      id: dimension.id,
      area: dimension.area,
      score: dimension.score,
      level: dimension.level?.id ?? null,
    })),
    flags: diagnosis.flags.map((flag) => ({ ...flag })),
    path: diagnosis.path.map((step) => ({
      order: step.order,
      toolId: step.toolId,
      title: step.tool.title,
      pillar: step.pillar,
      kind: step.kind,
      horizon: step.horizon,
      reason: step.reason,
      // Omitted rather than undefined so the JSON output has no empty keys.
      ...(step.tool.url === undefined ? {} : { url: step.tool.url }),
    })),
  };
}
