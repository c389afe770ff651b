import {
  DONT_KNOW,
  HORIZONS,
  PILLAR_IDS,
  TOOL_KINDS,
  isRubricQuestion,
  listQuestions,
  type Dimension,
  type Horizon,
  type Level,
  type PillarId,
  type Questionnaire,
  type Tool,
  type ToolKind,
  type Toolkit,
} from './questionnaire-schema';
import { selectVisibleAnswers, type Answers } from './answers';
import type { Flag } from './coherence-checks';
import { PILLAR_LABELS } from './pillars';
import { selectPillarScores, type AreaScore, type Scores } from './scoring';

export interface PathStep {
  toolId: string;
  tool: Tool;
  pillar: PillarId | null;
  kind: ToolKind;
  horizon: Horizon;
  /** One sentence starting with "Parce que" (or its translation), in the path wording's language. */
  reason: string;
  /** Why the step is there, without words: a report or a screen in another language re-words it with `describePathReason`. */
  cause: PathReasonCause;
  /** 1-based position in the path. */
  order: number;
  trigger: 'level' | 'flag' | 'dont-know';
}

export const PATH_MIN_STEPS = 6;
export const PATH_MAX_STEPS = 15;

/** Steps per pillar by rank: the priority pillar gets the most attention. */
const PILLAR_QUOTAS = [5, 4, 3] as const;
const MAX_TRIGGERED_STEPS = 3;

/** Why a step is in the path; level labels, flag messages and dimension labels come from the questionnaire as given. */
export type PathReasonCause =
  /** The pillar's level; `levelLabel` is null when the answers do not place it yet. */
  | { type: 'level'; pillar: PillarId; isPriority: boolean; levelLabel: string | null }
  /** A tool that tops a short path up. */
  | { type: 'fill'; pillar: PillarId }
  /** The flag's message without its final full stop: it is quoted inside the sentence. */
  | { type: 'flag'; message: string }
  | { type: 'dont-know'; dimensionLabel: string };

/** The reasons' words in one language; French by default. */
export interface PathWording {
  /** One sentence: the cause, then what the tool's kind brings. */
  describeReason(cause: PathReasonCause, kind: ToolKind): string;
}

const KIND_ENDINGS: Record<ToolKind, string> = {
  comprendre: 'commencer par comprendre les fondamentaux.',
  's-informer': "s’informer pour y voir plus clair.",
  'se-former': 'se former pour monter en compétences.',
  agir: 'passer à l’action, pas à pas.',
  accompagner: 'être accompagné pour avancer dans la durée.',
};

/** After a "Je ne sais pas", the step is first about finding out, whatever its kind. */
const DONT_KNOW_ENDINGS: Record<ToolKind, string> = {
  comprendre: "commencer par comprendre de quoi il s’agit.",
  's-informer': "s’informer d’abord.",
  'se-former': 'se former pour savoir y répondre.',
  agir: 'faire le point avec une méthode pas à pas.',
  accompagner: 'faire le point avec un accompagnement.',
};

/** "les richesses humaines": inside a sentence, French writes the pillar in lower case. */
function namePillarInSentence(pillar: PillarId): string {
  return `les ${PILLAR_LABELS[pillar].toLowerCase()}`;
}

export const FRENCH_PATH_WORDING: PathWording = {
  describeReason(cause, kind) {
    switch (cause.type) {
      case 'level': {
        const pillarName = namePillarInSentence(cause.pillar);
        const ending = KIND_ENDINGS[kind];
        if (cause.isPriority) {
          return cause.levelLabel === null
            ? `Parce que ${pillarName} sont votre priorité et que vos réponses ne suffisent pas encore à y situer votre niveau : ${ending}`
            : `Parce que ${pillarName} sont votre priorité et que votre niveau y est « ${cause.levelLabel} » : ${ending}`;
        }
        return cause.levelLabel === null
          ? `Parce que vos réponses sur ${pillarName} ne suffisent pas encore à situer votre niveau : ${ending}`
          : `Parce que votre niveau sur ${pillarName} est « ${cause.levelLabel} » : ${ending}`;
      }
      case 'fill':
        return `Parce que cet outil complète votre parcours sur ${namePillarInSentence(cause.pillar)} : ${KIND_ENDINGS[kind]}`;
      case 'flag':
        return `Parce que « ${cause.message} » : ${KIND_ENDINGS[kind]}`;
      case 'dont-know':
        return `Parce que vous avez répondu « Je ne sais pas » sur « ${cause.dimensionLabel} » : ${DONT_KNOW_ENDINGS[kind]}`;
    }
  },
};

/** A step's reason in the given wording: how a report or a screen in another language re-words a computed path. */
export function describePathReason(step: Pick<PathStep, 'cause' | 'kind'>, wording: PathWording = FRENCH_PATH_WORDING): string {
  return wording.describeReason(step.cause, step.kind);
}

interface RankedPillar {
  id: PillarId;
  /** 0 for the pillar to work on first. */
  rank: number;
  level: Level;
  isPriority: boolean;
  isInsufficient: boolean;
}

/** A step before the path is sorted and numbered. */
type DraftStep = Omit<PathStep, 'order' | 'reason'>;

export interface BuildToolkitPathInput {
  questionnaire: Questionnaire;
  toolkit: Toolkit;
  answers: Answers;
  scores: Scores;
  flags: Flag[];
  /** The reasons' language; French when left out. */
  wording?: PathWording;
}

function isPillarId(value: unknown): value is PillarId {
  return typeof value === 'string' && (PILLAR_IDS as readonly string[]).includes(value);
}

function isToolKind(value: unknown): value is ToolKind {
  return typeof value === 'string' && (TOOL_KINDS as readonly string[]).includes(value);
}

function rankPillars(questionnaire: Questionnaire, visibleAnswers: Answers, scores: Scores): RankedPillar[] {
  const answer = visibleAnswers[questionnaire.bindings.priorityPillar];
  const priority = isPillarId(answer) ? answer : undefined;
  const areas = new Map<PillarId, AreaScore>();
  selectPillarScores(scores).forEach((area) => {
    if (isPillarId(area.id)) areas.set(area.id, area);
  });
  // An unscored pillar sorts lowest: it needs understanding before anything else.
  const sortKey = (id: PillarId) => areas.get(id)?.score ?? -1;
  const others = PILLAR_IDS.filter((id) => id !== priority).sort(
    (a, b) => sortKey(a) - sortKey(b) || PILLAR_IDS.indexOf(a) - PILLAR_IDS.indexOf(b),
  );
  const [lowestLevel] = questionnaire.levels;
  if (!lowestLevel) throw new Error('buildToolkitPath: a questionnaire declares at least two levels');
  return [...(priority ? [priority] : []), ...others].map((id, rank) => {
    const area = areas.get(id);
    return {
      id,
      rank,
      level: area?.level ?? lowestLevel,
      isPriority: id === priority,
      isInsufficient: area?.isInsufficient ?? true,
    };
  });
}

function selectPreferredKinds(questionnaire: Questionnaire, visibleAnswers: Answers): ToolKind[] {
  const binding = questionnaire.bindings.preferredKinds;
  const answer = binding === undefined ? undefined : visibleAnswers[binding];
  return Array.isArray(answer) ? answer.filter(isToolKind) : [];
}

function laterHorizon(computed: Horizon, declared: Horizon | undefined): Horizon {
  if (declared === undefined) return computed;
  return HORIZONS.indexOf(declared) > HORIZONS.indexOf(computed) ? declared : computed;
}

/**
 * The priority horizon answer is deliberately not used: a far horizon is no reason to delay the
 * first steps, so only the pillar's rank and the tool's own horizon decide.
 */
function computeHorizon(rank: number, tool: Tool): Horizon {
  const isFirstLook = tool.kind === 'comprendre' || tool.kind === 's-informer';
  const computed: Horizon = rank === 0 || (rank === 1 && isFirstLook) ? '18-mois' : '2030';
  return laterHorizon(computed, tool.horizon);
}

/** Preferred kinds first, then the progression from understanding to acting, then catalogue order. */
function compareToolsForPick(preferredKinds: ToolKind[], tools: Tool[]) {
  const rankOf = (tool: Tool) => (preferredKinds.includes(tool.kind) ? 0 : 1);
  return (a: Tool, b: Tool) =>
    rankOf(a) - rankOf(b) || TOOL_KINDS.indexOf(a.kind) - TOOL_KINDS.indexOf(b.kind) || tools.indexOf(a) - tools.indexOf(b);
}

function stripFinalPunctuation(message: string): string {
  return message.trim().replace(/[\s.!…]+$/u, '');
}

function describeLevelCause(pillar: RankedPillar): PathReasonCause {
  return { type: 'level', pillar: pillar.id, isPriority: pillar.isPriority, levelLabel: pillar.isInsufficient ? null : pillar.level.label };
}

interface TriggerSource {
  trigger: 'flag' | 'dont-know';
  key: string;
  cause: PathReasonCause;
}

function listTriggerSources(questionnaire: Questionnaire, visibleAnswers: Answers, flags: Flag[]): TriggerSource[] {
  const unsureDimensionIds = new Set(
    listQuestions(questionnaire)
      .filter(isRubricQuestion)
      .filter((question) => visibleAnswers[question.id] === DONT_KNOW)
      .map((question) => question.dimension),
  );
  const unsureDimensions: Dimension[] = questionnaire.dimensions.filter((dimension) => unsureDimensionIds.has(dimension.id));
  return [
    ...flags.map((flag): TriggerSource => ({ trigger: 'flag', key: flag.checkId, cause: { type: 'flag', message: stripFinalPunctuation(flag.message) } })),
    ...unsureDimensions.map(
      (dimension): TriggerSource => ({
        trigger: 'dont-know',
        key: dimension.id,
        cause: { type: 'dont-know', dimensionLabel: dimension.label },
      }),
    ),
  ];
}

function isTriggeredBy(tool: Tool, source: TriggerSource): boolean {
  return (tool.triggers ?? []).some((trigger) =>
    trigger.type === 'flag'
      ? source.trigger === 'flag' && trigger.check === source.key
      : source.trigger === 'dont-know' && trigger.dimension === source.key,
  );
}

/** Flags come first (declaration order), then unsure dimensions; catalogue order breaks ties. */
function draftTriggeredSteps(sources: TriggerSource[], tools: Tool[], pillars: RankedPillar[]): DraftStep[] {
  const steps: DraftStep[] = [];
  for (const source of sources) {
    for (const tool of tools) {
      if (steps.length >= MAX_TRIGGERED_STEPS) return steps;
      if (!isTriggeredBy(tool, source) || steps.some((step) => step.toolId === tool.id)) continue;
      const pillar = pillars.find((candidate) => tool.pillars.includes(candidate.id));
      steps.push({
        toolId: tool.id,
        tool,
        pillar: pillar?.id ?? null,
        kind: tool.kind,
        horizon: laterHorizon('18-mois', tool.horizon),
        cause: source.cause,
        trigger: source.trigger,
      });
    }
  }
  return steps;
}

function draftLevelStep(pillar: RankedPillar, tool: Tool, cause: PathReasonCause): DraftStep {
  return { toolId: tool.id, tool, pillar: pillar.id, kind: tool.kind, horizon: computeHorizon(pillar.rank, tool), cause, trigger: 'level' };
}

/** At most one tool per kind, preferred kinds win the quota, then the earliest kinds. */
function draftPillarSteps(pillar: RankedPillar, tools: Tool[], placed: Set<string>, preferredKinds: ToolKind[]): DraftStep[] {
  const quota = PILLAR_QUOTAS[pillar.rank] ?? 0;
  const firstOfEachKind = new Map<ToolKind, Tool>();
  tools
    .filter((tool) => tool.pillars.includes(pillar.id) && tool.levels.includes(pillar.level.id) && !placed.has(tool.id))
    .forEach((tool) => {
      if (!firstOfEachKind.has(tool.kind)) firstOfEachKind.set(tool.kind, tool);
    });
  return [...firstOfEachKind.values()]
    .sort(compareToolsForPick(preferredKinds, tools))
    .slice(0, quota)
    .map((tool) => draftLevelStep(pillar, tool, describeLevelCause(pillar)));
}

/**
 * Tops a short path up to PATH_MIN_STEPS: first tools of a neighbouring level, then any tool of
 * the pillar, taking one per pillar in turn so that the priority pillar is not the only one fed.
 */
function draftFillSteps(
  pillars: RankedPillar[],
  questionnaire: Questionnaire,
  tools: Tool[],
  placed: Set<string>,
  preferredKinds: ToolKind[],
  missing: number,
): DraftStep[] {
  const levelIndex = (id: string) => questionnaire.levels.findIndex((level) => level.id === id);
  const isNearLevel = (pillar: RankedPillar) => (tool: Tool) =>
    tool.levels.some((id) => levelIndex(id) >= 0 && Math.abs(levelIndex(id) - levelIndex(pillar.level.id)) <= 1);
  const stages: ((pillar: RankedPillar) => (tool: Tool) => boolean)[] = [isNearLevel, () => () => true];
  const compare = compareToolsForPick(preferredKinds, tools);

  const steps: DraftStep[] = [];
  for (const stage of stages) {
    const queues = pillars.map((pillar) =>
      tools.filter((tool) => tool.pillars.includes(pillar.id) && stage(pillar)(tool)).sort(compare),
    );
    let hasPicked = true;
    while (hasPicked && steps.length < missing) {
      hasPicked = false;
      pillars.forEach((pillar, index) => {
        if (steps.length >= missing) return;
        const tool = queues[index]?.find((candidate) => !placed.has(candidate.id));
        if (!tool) return;
        placed.add(tool.id);
        steps.push(draftLevelStep(pillar, tool, { type: 'fill', pillar: pillar.id }));
        hasPicked = true;
      });
    }
  }
  return steps;
}

/** The personalised A.D.O.C. path; the same input always gives the same path. */
export function buildToolkitPath(input: BuildToolkitPathInput): PathStep[] {
  const { questionnaire, toolkit, answers, scores, flags, wording = FRENCH_PATH_WORDING } = input;
  const visibleAnswers = selectVisibleAnswers(questionnaire, answers);
  const pillars = rankPillars(questionnaire, visibleAnswers, scores);
  const preferredKinds = selectPreferredKinds(questionnaire, visibleAnswers);
  const { tools } = toolkit;

  // Triggered tools are placed first so that a tool answering a precise signal keeps that reason.
  const drafts = draftTriggeredSteps(listTriggerSources(questionnaire, visibleAnswers, flags), tools, pillars);
  const placed = new Set(drafts.map((step) => step.toolId));
  for (const pillar of pillars) {
    const steps = draftPillarSteps(pillar, tools, placed, preferredKinds);
    steps.forEach((step) => placed.add(step.toolId));
    drafts.push(...steps);
  }
  if (drafts.length < PATH_MIN_STEPS) {
    drafts.push(...draftFillSteps(pillars, questionnaire, tools, placed, preferredKinds, PATH_MIN_STEPS - drafts.length));
  }

  const pillarRank = (id: PillarId | null) => pillars.find((pillar) => pillar.id === id)?.rank ?? pillars.length;
  return drafts
    .map((step, index) => ({ step, index }))
    .sort(
      (a, b) =>
        HORIZONS.indexOf(a.step.horizon) - HORIZONS.indexOf(b.step.horizon) ||
        pillarRank(a.step.pillar) - pillarRank(b.step.pillar) ||
        TOOL_KINDS.indexOf(a.step.kind) - TOOL_KINDS.indexOf(b.step.kind) ||
        a.index - b.index,
    )
    .slice(0, PATH_MAX_STEPS)
    .map(({ step }, index) => ({ ...step, reason: wording.describeReason(step.cause, step.kind), order: index + 1 }));
}
