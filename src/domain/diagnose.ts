import type { Horizon, PillarId, Questionnaire, ScoredAreaId, ToolKind, Toolkit } from './questionnaire-schema';
import type { Answers } from './answers';
import { FRENCH_CHECK_WORDING, evaluateChecks, type Flag } from './coherence-checks';
import { PILLAR_LABELS, type PillarLabels } from './pillars';
import { scoreAnswers, selectPillarScores, type AreaScore, type Scores } from './scoring';
import { FRENCH_PATH_WORDING, buildToolkitPath, type PathStep, type PathWording } from './toolkit-path';

export interface Diagnosis {
  scores: Scores;
  project: AreaScore;
  pillars: AreaScore[];
  flags: Flag[];
  path: PathStep[];
}

/** The words a diagnosis writes itself (the path's reasons, the pillars' names); the rest comes from the questionnaire given. */
export interface DiagnosisWording {
  path: PathWording;
  pillarLabels: PillarLabels;
  /** A BCP 47 tag for the numbers the checks' messages write; French when left out. */
  localeTag?: string;
}

export const FRENCH_DIAGNOSIS_WORDING: DiagnosisWording = { path: FRENCH_PATH_WORDING, pillarLabels: PILLAR_LABELS };

/**
 * Everything the synthesis shows, derived from the answers alone (never stored beside them).
 * Without a wording the reasons are in French; each step's `cause` lets another language re-word them.
 */
export function diagnose(questionnaire: Questionnaire, toolkit: Toolkit, answers: Answers, wording: DiagnosisWording = FRENCH_DIAGNOSIS_WORDING): Diagnosis {
  const scores = scoreAnswers(questionnaire, answers);
  const flags = evaluateChecks(questionnaire, answers, scores, {
    pillarLabels: wording.pillarLabels,
    localeTag: wording.localeTag ?? FRENCH_CHECK_WORDING.localeTag,
  });
  const path = buildToolkitPath({ questionnaire, toolkit, answers, scores, flags, wording: wording.path });
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

/** A plain, JSON-ready view of a diagnosis (level ids instead of level objects, no tool bodies); with a wording, its pillar names and reasons are written in that language. */
export function summarizeDiagnosis(questionnaire: Questionnaire, diagnosis: Diagnosis, wording?: DiagnosisWording): DiagnosisSummary {
  const pillarLabels = wording?.pillarLabels ?? PILLAR_LABELS;
  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    project: { id: diagnosis.project.id, score: diagnosis.project.score, level: diagnosis.project.level?.id ?? null },
    pillars: diagnosis.pillars.filter(isPillarScore).map((area) => ({
      id: area.id,
      label: pillarLabels[area.id],
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
      reason: wording ? wording.path.describeReason(step.cause, step.kind) : step.reason,
      // Omitted rather than undefined so the JSON output has no empty keys.
      ...(step.tool.url === undefined ? {} : { url: step.tool.url }),
    })),
  };
}
