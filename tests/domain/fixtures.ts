import type { z } from 'zod';
import {
  PILLAR_IDS,
  QuestionnaireSchema,
  SCORED_AREA_IDS,
  TOOL_KINDS,
  ToolkitSchema,
  type Questionnaire,
  type ScoredAreaId,
  type ToolKind,
  type Toolkit,
} from '../../src/domain/questionnaire-schema';
import { AnswersFileSchema, type Answers, type AnswersFile, type RespondentRole } from '../../src/domain/answers';
import type { AreaScore, Scores } from '../../src/domain/scoring';

export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;
export type ToolInput = z.input<typeof ToolkitSchema>['tools'][number];
type StepInput = QuestionnaireInput['steps'][number];
type QuestionInput = StepInput['questions'][number];

export const LEVEL_IDS = ['a-initier', 'en-structuration', 'structure', 'consolide'] as const;

/** A four-level rubric: option `l1` scores 1 … option `l4` scores 4. */
export function rubricQuestion(
  id: string,
  pillar: ScoredAreaId,
  dimension: string,
  extra: Partial<Extract<QuestionInput, { type: 'single' }>> = {},
): QuestionInput {
  return {
    id,
    type: 'single',
    label: `Question ${id}`,
    help: `Pourquoi la question ${id} compte.`,
    pillar,
    dimension,
    options: [1, 2, 3, 4].map((score) => ({ id: `l${score}`, label: `Niveau ${score}`, description: `Description ${score}`, score })),
    ...extra,
  };
}

/**
 * A small but complete questionnaire, as a plain literal: tests edit a fresh copy, then parse it
 * with the real schema, so a fixture can never be invalid.
 */
export function buildQuestionnaireInput(): QuestionnaireInput {
  return {
    id: 'test-mse',
    version: '1.2.0',
    locale: 'fr-FR',
    title: 'Questionnaire de test',
    durationMinutes: 20,
    scoring: { minAnsweredPerPillar: 2, minAnsweredPerDimension: 1 },
    levels: [
      { id: 'a-initier', label: 'À initier', description: 'Tout reste à construire.', minScore: 0 },
      { id: 'en-structuration', label: 'En structuration', description: 'Les bases se posent.', minScore: 35 },
      { id: 'structure', label: 'Structuré', description: 'Les pratiques sont installées.', minScore: 60 },
      { id: 'consolide', label: 'Consolidé', description: 'Les pratiques sont solides.', minScore: 85 },
    ],
    dimensions: [
      { id: 'project-vision', area: 'project', label: 'Vision du projet' },
      { id: 'hr-people', area: 'human-resources', label: 'Bénévoles et salariés' },
      { id: 'hr-skills', area: 'human-resources', label: 'Compétences' },
      { id: 'fin-mix', area: 'financial-resources', label: 'Diversité des financements' },
      { id: 'al-ecosystem', area: 'strategic-alliances', label: 'Relations avec l’écosystème' },
    ],
    bindings: { organisationName: 'org-name', priorityPillar: 'priority-pillar', priorityHorizon: 'priority-horizon', preferredKinds: 'preferred-kinds' },
    checks: [
      {
        id: 'funding-concentration',
        type: 'largest-share-above',
        question: 'fin-shares',
        threshold: 50,
        message: 'La part « {part} » représente {share} % des ressources.',
      },
      { id: 'pillar-imbalance', type: 'pillar-gap-above', threshold: 30, message: 'Écart de {gap} points entre {strongest} et {weakest}.' },
      {
        id: 'alliances-without-staff',
        type: 'answer-matches',
        when: [
          { question: 'has-staff', equals: 'non' },
          { question: 'al-partners', equals: 'l4' },
        ],
        message: 'Des alliances ambitieuses sans salarié pour les porter.',
      },
    ],
    steps: [
      {
        id: 'profile',
        title: 'Profil',
        questions: [
          { id: 'org-name', type: 'text', label: 'Nom de la structure', help: 'Il figure sur le rapport.', maxLength: 40 },
          {
            id: 'has-staff',
            type: 'single',
            label: 'Avez-vous des salariés ?',
            help: 'Le parcours en dépend.',
            options: [
              { id: 'oui', label: 'Oui' },
              { id: 'non', label: 'Non' },
            ],
          },
          { id: 'volunteers-count', type: 'number', label: 'Nombre de bénévoles', help: 'Pour situer la taille.', min: 0, max: 1000, unit: 'personnes' },
        ],
      },
      { id: 'project', title: 'Projet', questions: [rubricQuestion('project-clarity', 'project', 'project-vision')] },
      {
        id: 'human-resources',
        title: 'Richesses humaines',
        questions: [
          rubricQuestion('hr-volunteers', 'human-resources', 'hr-people'),
          rubricQuestion('hr-staff-skills', 'human-resources', 'hr-skills', { showIf: [{ question: 'has-staff', equals: 'oui' }] }),
          rubricQuestion('hr-training', 'human-resources', 'hr-skills', { allowNotApplicable: true, allowDontKnow: true }),
        ],
      },
      {
        id: 'financial-resources',
        title: 'Ressources financières',
        questions: [
          {
            id: 'fin-shares',
            type: 'shares',
            label: 'Répartition des ressources',
            help: 'Une source dominante fragilise.',
            parts: [
              { id: 'subventions', label: 'Subventions' },
              { id: 'dons', label: 'Dons' },
              { id: 'revenus', label: "Revenus d'activité" },
            ],
          },
          rubricQuestion('fin-diversity', 'financial-resources', 'fin-mix', { allowDontKnow: true }),
          rubricQuestion('fin-stability', 'financial-resources', 'fin-mix', { allowNotApplicable: true }),
        ],
      },
      {
        id: 'strategic-alliances',
        title: 'Alliances stratégiques',
        questions: [
          rubricQuestion('al-partners', 'strategic-alliances', 'al-ecosystem', { allowDontKnow: true }),
          rubricQuestion('al-evaluation', 'strategic-alliances', 'al-ecosystem'),
        ],
      },
      {
        id: 'priorities',
        title: 'Priorités',
        questions: [
          {
            id: 'priority-pillar',
            type: 'single',
            label: 'Pilier prioritaire',
            help: 'Il ordonne le parcours.',
            options: PILLAR_IDS.map((id) => ({ id, label: id })),
          },
          {
            id: 'priority-horizon',
            type: 'single',
            label: 'Horizon',
            help: 'Il situe les étapes dans le temps.',
            options: ['18-mois', '2030', '2050'].map((id) => ({ id, label: id })),
          },
          {
            id: 'preferred-kinds',
            type: 'multiple',
            label: 'Façons d’avancer',
            help: 'Vos préférences passent en premier.',
            required: false,
            maxSelected: 2,
            options: TOOL_KINDS.map((id) => ({ id, label: id })),
          },
        ],
      },
    ],
  };
}

export function buildQuestionnaire(edit: (input: QuestionnaireInput) => void = () => {}): Questionnaire {
  const input = buildQuestionnaireInput();
  edit(input);
  return QuestionnaireSchema.parse(input);
}

/** The input's question with this id, for edits in place. */
export function findQuestionInput(input: QuestionnaireInput, id: string): QuestionInput {
  const question = input.steps.flatMap((step) => step.questions).find((candidate) => candidate.id === id);
  if (!question) throw new Error(`fixture: no question "${id}"`);
  return question;
}

export const RUBRIC_QUESTION_IDS = [
  'project-clarity',
  'hr-volunteers',
  'hr-staff-skills',
  'hr-training',
  'fin-diversity',
  'fin-stability',
  'al-partners',
  'al-evaluation',
] as const;

/** A complete, valid set of answers; tests override what they need. */
export function buildAnswers(overrides: Answers = {}): Answers {
  return {
    'org-name': 'Les Amis du Quartier',
    'has-staff': 'oui',
    'volunteers-count': 12,
    'project-clarity': 'l3',
    'hr-volunteers': 'l2',
    'hr-staff-skills': 'l3',
    'hr-training': 'l2',
    'fin-shares': { subventions: 40, dons: 35, revenus: 25 },
    'fin-diversity': 'l1',
    'fin-stability': 'l2',
    'al-partners': 'l3',
    'al-evaluation': 'l3',
    'priority-pillar': 'financial-resources',
    'priority-horizon': '18-mois',
    'preferred-kinds': [],
    ...overrides,
  };
}

export function tool(id: string, kind: ToolKind, pillars: ToolInput['pillars'], levels: string[] = [...LEVEL_IDS], extra: Partial<ToolInput> = {}): ToolInput {
  return {
    id,
    title: `Outil ${id}`,
    description: `Description de ${id}`,
    kind,
    pillars,
    levels,
    format: 'guide',
    duration: '1 h',
    publisher: 'Le RAMEAU',
    ...extra,
  };
}

export function buildToolkit(tools: ToolInput[]): Toolkit {
  return ToolkitSchema.parse({ id: 'test-toolkit', version: '1.0.0', locale: 'fr-FR', tools });
}

/** One tool per pillar and kind, suiting every level, ids like `financial-resources-agir`. */
export function buildFullToolkitTools(): ToolInput[] {
  return PILLAR_IDS.flatMap((pillar) => TOOL_KINDS.map((kind) => tool(`${pillar}-${kind}`, kind, [pillar])));
}

/** Hand-made scores, for checks and paths that must not depend on the scoring rule. */
export function buildScores(questionnaire: Questionnaire, byArea: Partial<Record<ScoredAreaId, number | null>>): Scores {
  const areas = SCORED_AREA_IDS.map((id): AreaScore => {
    const score = byArea[id] ?? null;
    const level = score === null ? null : [...questionnaire.levels].reverse().find((candidate) => score >= candidate.minScore) ?? null;
    return {
      id,
      score,
      level,
      answeredCount: score === null ? 0 : 2,
      notApplicableCount: 0,
      dontKnowCount: 0,
      questionCount: 2,
      isInsufficient: score === null,
      isNotApplicable: false,
    };
  });
  return { areas, dimensions: [] };
}

export interface AnswersFileOptions {
  respondent?: { name?: string; role?: RespondentRole };
  /** The questionnaire version the file says it answered; the fixture's own by default. */
  version?: string;
  questionnaireId?: string;
  /** Distinguishes files with the same answers (two people can answer alike). */
  updatedAt?: string;
}

/** An answers file parsed through the real schema, as an import would give it. */
export function buildAnswersFile(answers: Answers, { respondent = {}, version = '1.2.0', questionnaireId = 'test-mse', updatedAt = '2026-11-20T10:30:00.000Z' }: AnswersFileOptions = {}): AnswersFile {
  return AnswersFileSchema.parse({
    format: 'trajectoires.diagnostic',
    formatVersion: 1,
    questionnaire: { id: questionnaireId, version },
    respondent,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt,
    answers,
  });
}
