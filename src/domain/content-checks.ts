import {
  PILLAR_IDS,
  SCORED_AREA_IDS,
  TOOL_KINDS,
  isRubricQuestion,
  listQuestions,
  type Level,
  type PillarId,
  type Question,
  type Questionnaire,
  type ScoredAreaId,
  type ToolKind,
  type Toolkit,
} from './questionnaire-schema';

/**
 * Checks on the content as a whole, beyond what one file's schema can say: is the catalogue rich
 * enough for every pillar and level, does every signal the questionnaire raises lead to a tool,
 * do the links go where the sources say. Each finding carries a `path` inside its own file
 * (the toolkit or the questionnaire) so that the loader can name the line.
 */
export type ContentPath = (string | number)[];

/** Below three kinds a path on that pillar and level is one-note (e.g. only things to read). */
export const MIN_KINDS_PER_CELL = 3;

/**
 * The hosts of the links the seeds print (domain brief §6), plus the ministry's associations site.
 * Exact hosts, not suffixes: a link to another sub-domain has to be added here on purpose.
 * The seeds print the Caisse des Dépôts link with a typo (caisseedesdepots); only the real host is allowed.
 */
export const ALLOWED_LINK_HOSTS: readonly string[] = [
  'trajectoires-socio-economiques.odd17.org',
  'odd17.org',
  'www.lerameau.fr',
  'www.anpp.fr',
  'catalyseurs-territoriaux.org',
  'innovationterritoriale.plateformecapitalisation.org',
  'www.finance-fair.org',
  'www.caissedesdepots.fr',
  'associations.gouv.fr',
  'www.associations.gouv.fr',
];

export interface CoverageCell {
  pillar: PillarId;
  levelId: string;
  /** How many tools of each kind suit this pillar at this level; every kind is present, 0 included. */
  kindCounts: Record<ToolKind, number>;
}

/** One cell per pillar × level, pillars in PILLAR_IDS order, levels in the order given. */
export function buildCoverageTable(toolkit: Pick<Toolkit, 'tools'>, levels: readonly Pick<Level, 'id'>[]): CoverageCell[] {
  return PILLAR_IDS.flatMap((pillar) =>
    levels.map(({ id: levelId }) => {
      const kindCounts = Object.fromEntries(TOOL_KINDS.map((kind) => [kind, 0])) as Record<ToolKind, number>;
      toolkit.tools
        .filter((tool) => tool.pillars.includes(pillar) && tool.levels.includes(levelId))
        .forEach((tool) => {
          kindCounts[tool.kind] += 1;
        });
      return { pillar, levelId, kindCounts };
    }),
  );
}

export interface CoverageGap {
  pillar: PillarId;
  levelId: string;
  /** The kinds that do have a tool in this cell. */
  kinds: ToolKind[];
  message: string;
}

export function listCoverageGaps(table: readonly CoverageCell[], minKinds: number = MIN_KINDS_PER_CELL): CoverageGap[] {
  return table.flatMap(({ pillar, levelId, kindCounts }) => {
    const kinds = TOOL_KINDS.filter((kind) => kindCounts[kind] > 0);
    if (kinds.length >= minKinds) return [];
    const counted = kinds.map((kind) => `${kind} ×${kindCounts[kind]}`).join(', ');
    const present = kinds.length === 0 ? 'no tool at all' : `tools of ${kinds.length} kind${kinds.length === 1 ? '' : 's'} only (${counted})`;
    const message = `${pillar} at level "${levelId}": ${present}, expected at least ${minKinds} kinds so that the path is not one-note`;
    return [{ pillar, levelId, kinds, message }];
  });
}

export type MissingTrigger =
  | { type: 'flag'; checkId: string; path: ContentPath; message: string }
  | { type: 'dont-know'; dimensionId: string; path: ContentPath; message: string };

/**
 * Signals that would lead nowhere: a declared check that no tool answers, and a dimension where
 * "Je ne sais pas" is offered but no tool is triggered by it. Paths are in the questionnaire.
 *
 * The "Je ne sais pas" rule is per dimension, with no fallback to the pillar, because the path
 * (toolkit-path.ts) matches a dont-know trigger on the dimension id alone: a tool triggered on a
 * sibling dimension would never reach the person who hesitated here. It implies the weaker rule
 * that every pillar offering "Je ne sais pas" has at least one such tool.
 */
export function listMissingTriggers(
  questionnaire: Pick<Questionnaire, 'checks' | 'dimensions' | 'steps'>,
  toolkit: Pick<Toolkit, 'tools'>,
): MissingTrigger[] {
  const triggers = toolkit.tools.flatMap((tool) => tool.triggers ?? []);
  const triggeredChecks = new Set(triggers.flatMap((trigger) => (trigger.type === 'flag' ? [trigger.check] : [])));
  const triggeredDimensions = new Set(triggers.flatMap((trigger) => (trigger.type === 'dont-know' ? [trigger.dimension] : [])));
  const unsureDimensions = new Set(
    listQuestions(questionnaire)
      .filter(isRubricQuestion)
      .filter((question) => question.allowDontKnow)
      .map((question) => question.dimension),
  );

  const missingFlags = questionnaire.checks.flatMap((check, index): MissingTrigger[] =>
    triggeredChecks.has(check.id)
      ? []
      : [
          {
            type: 'flag',
            checkId: check.id,
            path: ['checks', index, 'id'],
            message: `no tool is triggered by check "${check.id}" (add { type: flag, check: ${check.id} } to a tool's triggers)`,
          },
        ],
  );
  const missingDontKnows = questionnaire.dimensions.flatMap((dimension, index): MissingTrigger[] =>
    !unsureDimensions.has(dimension.id) || triggeredDimensions.has(dimension.id)
      ? []
      : [
          {
            type: 'dont-know',
            dimensionId: dimension.id,
            path: ['dimensions', index, 'id'],
            message:
              `a question of dimension "${dimension.id}" allows "Je ne sais pas" but no tool is triggered by it ` +
              `(add { type: dont-know, dimension: ${dimension.id} } to a tool's triggers)`,
          },
        ],
  );
  return [...missingFlags, ...missingDontKnows];
}

export interface UnscorableArea {
  area: ScoredAreaId;
  path: ContentPath;
  message: string;
}

/**
 * An area (the project or a pillar) with fewer scored questions asked to everyone than the
 * minimum answered could never get a score: every person would read "données insuffisantes".
 */
export function listUnscorableAreas(questionnaire: Pick<Questionnaire, 'scoring' | 'steps'>): UnscorableArea[] {
  const minimum = questionnaire.scoring.minAnsweredPerPillar;
  const askedToEveryone = listQuestions(questionnaire).filter(isRubricQuestion).filter((question) => question.showIf === undefined);
  return SCORED_AREA_IDS.flatMap((area): UnscorableArea[] => {
    const count = askedToEveryone.filter((question) => question.pillar === area).length;
    if (count === 0 || count >= minimum) return [];
    return [
      {
        area,
        path: ['scoring', 'minAnsweredPerPillar'],
        message: `"${area}" has ${count} scored question${count > 1 ? 's' : ''} asked to everyone, fewer than minAnsweredPerPillar (${minimum}): it could never be scored`,
      },
    ];
  });
}

export interface DisallowedLink {
  toolId: string;
  url: string;
  host: string;
  /** In the toolkit. */
  path: ContentPath;
  message: string;
}

/** Links whose host is not one the sources print: a guessed or mistyped link would mislead. */
export function listDisallowedLinks(
  toolkit: Pick<Toolkit, 'tools'>,
  allowedHosts: readonly string[] = ALLOWED_LINK_HOSTS,
): DisallowedLink[] {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return toolkit.tools.flatMap((tool, index) => {
    if (tool.url === undefined) return [];
    const host = readHost(tool.url);
    if (host !== undefined && allowed.has(host)) return [];
    return [
      {
        toolId: tool.id,
        url: tool.url,
        host: host ?? '',
        path: ['tools', index, 'url'],
        message:
          `link to "${host ?? tool.url}", which is not in the allow-list of known hosts (src/domain/content-checks.ts): ` +
          'copy a link the sources print, or leave the url out',
      },
    ];
  });
}

function readHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Seconds per question, by what it asks of the reader. A rubric means reading four described
 * levels (one or two sentences each, some 80 words in all: ~25 s at 200 words a minute) and then
 * choosing; a plain choice is read at a glance; several choices are weighed one by one; a number
 * may need looking up; shares mean recalling a budget and making it add up to 100; a text is typed.
 */
export const SECONDS_PER_QUESTION = {
  rubric: 35,
  single: 12,
  multiple: 20,
  number: 15,
  shares: 60,
  text: 30,
} as const satisfies Record<Question['type'] | 'rubric', number>;

/**
 * A deliberately simple reading-time estimate, rounded up to the minute. Only the questions shown
 * by default are counted (no `showIf`): conditional ones appear for some people only, so the
 * estimate is the floor most people will meet, to compare with the declared `durationMinutes`.
 */
export function estimateCompletionMinutes(questionnaire: Pick<Questionnaire, 'steps'>): number {
  const seconds = listQuestions(questionnaire)
    .filter((question) => question.showIf === undefined)
    .reduce((total, question) => total + SECONDS_PER_QUESTION[isRubricQuestion(question) ? 'rubric' : question.type], 0);
  return Math.ceil(seconds / 60);
}

export interface QuestionCounts {
  total: number;
  /** Shown whatever the earlier answers. */
  shownByDefault: number;
  rubricByArea: Record<ScoredAreaId, number>;
}

export function countQuestions(questionnaire: Pick<Questionnaire, 'steps'>): QuestionCounts {
  const questions = listQuestions(questionnaire);
  const rubricByArea = Object.fromEntries(SCORED_AREA_IDS.map((area) => [area, 0])) as Record<ScoredAreaId, number>;
  questions.filter(isRubricQuestion).forEach((question) => {
    rubricByArea[question.pillar] += 1;
  });
  return {
    total: questions.length,
    shownByDefault: questions.filter((question) => question.showIf === undefined).length,
    rubricByArea,
  };
}
