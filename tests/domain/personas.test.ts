import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR, loadContentDirectory, REPO_ROOT } from '../../scripts/lib/questionnaire-files';
import { parseAnswersFile } from '../../src/domain/answers-file';
import type { Answers } from '../../src/domain/answers';
import { diagnose, type Diagnosis } from '../../src/domain/diagnose';
import { PILLAR_IDS, type Questionnaire, type Toolkit } from '../../src/domain/questionnaire-schema';

// Three organisations answer both diagnoses (tests/fixtures/personas). The real content is read
// through the same loader as the build, so these tests judge what users will actually get.

const PERSONAS = ['club-sportif', 'association-sociale', 'federation-regionale'] as const;
type Persona = (typeof PERSONAS)[number];
const VARIANTS = ['complet', 'express'] as const;
type Variant = (typeof VARIANTS)[number];

const PERSONA_DIR = 'tests/fixtures/personas';
/** The DLA is reserved for employer organisations (toolkit description); the path reaches it through a check. */
const DLA_TOOL_ID = 'dla';

const content = loadContentDirectory(CONTENT_DIR);

function findQuestionnaire(variant: Variant): Questionnaire {
  const id = `diagnostic-${variant}`;
  const found = content.questionnaires.find(({ questionnaire }) => questionnaire.id === id);
  if (!found) throw new Error(`questionnaire "${id}" did not load: ${content.errors.join('\n') || 'no such file in questionnaires/'}`);
  return found.questionnaire;
}

function findToolkit(): Toolkit {
  const [found] = content.toolkits;
  if (!found) throw new Error(`the toolkit did not load: ${content.errors.join('\n')}`);
  return found.toolkit;
}

function readPersonaFile(persona: Persona, variant: Variant): unknown {
  const file = path.join(REPO_ROOT, PERSONA_DIR, `${persona}-${variant}.json`);
  if (!existsSync(file)) throw new Error(`${PERSONA_DIR}/${persona}-${variant}.json is missing`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

interface PersonaRun {
  questionnaire: Questionnaire;
  answers: Answers;
  diagnosis: Diagnosis;
}

function runPersona(persona: Persona, variant: Variant, editAnswers: (answers: Answers) => Answers = (answers) => answers): PersonaRun {
  const questionnaire = findQuestionnaire(variant);
  const parsed = parseAnswersFile(readPersonaFile(persona, variant), questionnaire);
  if (!parsed.ok) throw new Error(`${PERSONA_DIR}/${persona}-${variant}.json is not valid:\n${parsed.errors.join('\n')}`);
  const answers = editAnswers(parsed.file.answers);
  return { questionnaire, answers, diagnosis: diagnose(questionnaire, findToolkit(), answers) };
}

/**
 * Why the express and complete diagnoses of one organisation disagree, one sentence per pillar:
 * more than one level apart, or too few answers on one side to place a level at all.
 */
function listLevelDisagreements(complet: PersonaRun, express: PersonaRun): string[] {
  return PILLAR_IDS.flatMap((pillar) => {
    const sides = ([['complet', complet], ['express', express]] as const).map(([variant, run]) => {
      const area = run.diagnosis.pillars.find((candidate) => candidate.id === pillar);
      const index = area?.level ? run.questionnaire.levels.findIndex((level) => level.id === area.level?.id) : -1;
      return { variant, area, index, minAnswered: run.questionnaire.scoring.minAnsweredPerPillar };
    });
    const insufficient = sides.filter(({ area, index }) => !area || area.isInsufficient || index < 0);
    if (insufficient.length > 0) {
      return insufficient.map(
        ({ variant, area, minAnswered }) =>
          `${pillar}: the ${variant} diagnosis has too few answers to place a level (${area?.answeredCount ?? 0} answered, ${minAnswered} needed), so the two cannot be compared`,
      );
    }
    const [first, second] = sides;
    const distance = Math.abs((first?.index ?? 0) - (second?.index ?? 0));
    if (distance <= 1) return [];
    return [`${pillar}: complet says "${first?.area?.level?.id}", express says "${second?.area?.level?.id}", ${distance} levels apart`];
  });
}

/** The lowest-scoring option for every rubric question: a persona who undersells everything. */
function answerLowestEverywhere(questionnaire: Questionnaire) {
  return (answers: Answers): Answers => {
    const lowest = Object.fromEntries(
      questionnaire.steps
        .flatMap((step) => step.questions)
        .flatMap((question) => (question.type === 'single' && question.pillar !== undefined ? [question] : []))
        .map((question) => [question.id, question.options.find((option) => option.score === 1)?.id ?? '']),
    );
    return { ...answers, ...lowest };
  };
}

const priorityPillarOf = (run: PersonaRun) => run.answers[run.questionnaire.bindings.priorityPillar];

describe('the two questionnaires', () => {
  it.each(VARIANTS)('diagnostic-%s parses and passes the content checks', (variant) => {
    const questionnaire = findQuestionnaire(variant);
    const file = content.questionnaires.find((loaded) => loaded.questionnaire === questionnaire)?.file ?? '';
    expect(content.errors.filter((error) => error.startsWith(`${file}:`))).toEqual([]);
  });
});

describe.each(PERSONAS)('persona %s', (persona) => {
  it.each(VARIANTS)('answers diagnostic-%s in a valid file with no warning', (variant) => {
    const result = parseAnswersFile(readPersonaFile(persona, variant), findQuestionnaire(variant));
    expect(result.ok ? { ok: true, warnings: result.warnings } : { ok: false, errors: result.errors }).toEqual({ ok: true, warnings: [] });
  });

  it('gets pillar levels within one level of each other from the express and complete diagnoses', () => {
    expect(listLevelDisagreements(runPersona(persona, 'complet'), runPersona(persona, 'express'))).toEqual([]);
  });

  it.each(VARIANTS)('starts its diagnostic-%s path with its priority pillar', (variant) => {
    const run = runPersona(persona, variant);
    expect(priorityPillarOf(run)).toBeDefined();
    expect(run.diagnosis.path[0]?.pillar).toBe(priorityPillarOf(run));
  });
});

describe('the three personas get different paths', () => {
  it.each(VARIANTS)('in diagnostic-%s: different priority pillars, first steps and sets of tools', (variant) => {
    const runs = PERSONAS.map((persona) => runPersona(persona, variant));
    const distinct = (values: unknown[]) => new Set(values.map((value) => JSON.stringify(value))).size;

    expect(distinct(runs.map(priorityPillarOf))).toBe(PERSONAS.length);
    expect(distinct(runs.map((run) => run.diagnosis.path[0]?.toolId))).toBe(PERSONAS.length);
    expect(distinct(runs.map((run) => run.diagnosis.path.map((step) => step.toolId).sort()))).toBe(PERSONAS.length);
  });
});

describe('each path makes sense for its organisation', () => {
  it('the DLA the tests speak of is the toolkit’s scheme for employer organisations', () => {
    expect(findToolkit().tools.find((tool) => tool.id === DLA_TOOL_ID)?.description).toMatch(/structures employeuses/);
  });

  it.each(VARIANTS)('diagnostic-%s: the sports club, which has no employees, is not sent to the DLA, a scheme for employers', (variant) => {
    const run = runPersona('club-sportif', variant);
    expect(run.answers['employeur']).toBe('sans-salarie');
    expect(run.diagnosis.path.map((step) => step.toolId)).not.toContain(DLA_TOOL_ID);
  });

  it.each(VARIANTS)('diagnostic-%s: the social-sector employer association, which no adviser accompanies yet, is sent to the DLA', (variant) => {
    const run = runPersona('association-sociale', variant);
    expect(run.answers['employeur']).toBe('employeur');
    expect(run.diagnosis.path.find((step) => step.toolId === DLA_TOOL_ID)).toMatchObject({ trigger: 'flag' });
  });

  it.each(VARIANTS)('diagnostic-%s: the federation works on its priority first and its strongest pillar, alliances, last', (variant) => {
    const run = runPersona('federation-regionale', variant);
    const pillarsInOrder = run.diagnosis.path.map((step) => step.pillar);
    const strongest = [...run.diagnosis.pillars].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0]?.id;

    expect(strongest).toBe('strategic-alliances');
    expect(pillarsInOrder[0]).toBe(priorityPillarOf(run));
    expect(pillarsInOrder.at(-1)).toBe(strongest);
  });
});

// The comparison above is only worth something if it can fail: fed a persona who undersells
// everything in the express diagnosis, it must say so.
describe('the express / complete comparison', () => {
  it('reports a pillar more than one level apart', () => {
    const express = runPersona('federation-regionale', 'express', answerLowestEverywhere(findQuestionnaire('express')));
    expect(listLevelDisagreements(runPersona('federation-regionale', 'complet'), express)).toContainEqual(
      expect.stringMatching(/^strategic-alliances: complet says "\w+", express says "\w+", 3 levels apart$/),
    );
  });

  it('reports a pillar with too few answers instead of comparing it', () => {
    const financeStep = findQuestionnaire('express').steps.find((step) => step.id === 'financial-resources');
    const financeIds = new Set(financeStep?.questions.map((question) => question.id));
    const express = runPersona('club-sportif', 'express', (answers) =>
      Object.fromEntries(Object.entries(answers).filter(([id]) => !financeIds.has(id))),
    );
    expect(listLevelDisagreements(runPersona('club-sportif', 'complet'), express)).toEqual([
      expect.stringMatching(/^financial-resources: the express diagnosis has too few answers to place a level \(0 answered, \d+ needed\), so the two cannot be compared$/),
    ]);
  });
});
