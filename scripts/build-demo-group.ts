import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR, loadContentDirectory, REPO_ROOT } from './lib/questionnaire-files';
import { createAnswersFile, findFirstIncompleteStep, type Answers, type AnswersFile } from '../src/domain/answers';
import { parseAnswersFile } from '../src/domain/answers-file';

// Writes public/demo/atelier-demo.json, the demo organisation of the group view: six people of one
// fictional association who answered the express diagnosis at the same workshop. The answers are
// written here, by hand, so that their disagreements read like a real board and team: the board
// sees the finances and the roles rosier than the staff who live them day to day.
// Run: npx tsx scripts/build-demo-group.ts (then commit the JSON; tests/data/demo-group.test.ts checks it).

const QUESTIONNAIRE_ID = 'diagnostic-express';
const OUTPUT = path.join(REPO_ROOT, 'public/demo/atelier-demo.json');
const ORGANISATION = 'Les Jardins de la Combe aux Merles';

/** What every respondent says about the organisation itself (facts, not judgements). */
const PROFILE: Answers = {
  'nom-structure': ORGANISATION,
  employeur: 'employeur',
  'effectif-salaries': 'de-3-a-9',
  'benevoles-actifs': 'de-20-a-49',
  territoire: 'quartier-commune',
  secteur: 'environnement',
};

const BOARD_RESOURCE_MIX = { subventions: 45, 'commande-publique': 10, cotisations: 8, dons: 7, mecenat: 15, 'revenus-activite': 12, 'fonds-propres-autres': 3 };

interface DemoRespondent {
  respondent: AnswersFile['respondent'];
  /** Minutes after 9:00 (Paris) when this person started, and how long they took. */
  startMinute: number;
  durationMinutes: number;
  answers: Answers;
}

const RESPONDENTS: DemoRespondent[] = [
  {
    respondent: { name: 'Hélène Garnier', role: 'administrateur' },
    startMinute: 0,
    durationMinutes: 14,
    answers: {
      'projet-formulation': 'guide-decisions',
      'projet-gouvernance-strategie': 'reguliere',
      'projet-innovation-phase': 'qualification',
      'rh-roles': 'complementarite',
      'rh-competences-gestion': 'couvertes',
      'rh-recrutement': 'parcours-accueil',
      'rh-gouvernance-renouvellement': 'renouvellement-organise',
      'mix-ressources': BOARD_RESOURCE_MIX,
      'fi-diversite': 'mix-choisi',
      'fi-dependance': 'cap-difficile',
      'fi-pluriannualite': 'part-importante',
      'fi-reserves': 'trois-a-six-mois',
      'al-familles-acteurs': 'trois-familles',
      'al-partenariats-entreprises': 'plusieurs-formes',
      'al-evaluation': 'bilan-interne',
      'al-ancrage-territoire': 'role-d-entrainement',
      'pilier-prioritaire': 'strategic-alliances',
      'horizon-prioritaire': '2030',
      'temps-disponible': '2-a-5-h',
      'types-aide': ['comprendre', 'agir'],
      'accompagnement-actuel': 'reseau',
    },
  },
  {
    respondent: { name: 'Karim Benali', role: 'administrateur' },
    startMinute: 2,
    durationMinutes: 16,
    answers: {
      'projet-formulation': 'actualise',
      'projet-gouvernance-strategie': 'reguliere',
      'projet-innovation-phase': 'qualification',
      'rh-roles': 'roles-definis',
      'rh-competences-gestion': 'couvertes',
      'rh-recrutement': 'appels',
      'rh-gouvernance-renouvellement': 'arrivees-occasionnelles',
      'mix-ressources': BOARD_RESOURCE_MIX,
      'fi-diversite': 'trois-sources-ou-plus',
      'fi-dependance': 'cap-difficile',
      'fi-pluriannualite': 'part-importante',
      'fi-reserves': 'trois-a-six-mois',
      'al-familles-acteurs': 'deux-familles',
      'al-partenariats-entreprises': 'une-forme',
      'al-evaluation': 'bilan-interne',
      'al-ancrage-territoire': 'impliques',
      'pilier-prioritaire': 'financial-resources',
      'horizon-prioritaire': '18-mois',
      'temps-disponible': '2-a-5-h',
      'types-aide': ['s-informer', 'se-former'],
      'accompagnement-actuel': 'reseau',
    },
  },
  {
    respondent: { name: 'Claire Vasseur', role: 'dirigeant-salarie' },
    startMinute: 1,
    durationMinutes: 13,
    answers: {
      'projet-formulation': 'actualise',
      'projet-gouvernance-strategie': 'ponctuelle',
      'projet-innovation-phase': 'rd-societale',
      'rh-roles': 'grandes-missions',
      'rh-competences-gestion': 'en-partie',
      'rh-recrutement': 'appels',
      'rh-gouvernance-renouvellement': 'memes-personnes',
      'mix-ressources': { subventions: 50, 'commande-publique': 10, cotisations: 5, dons: 5, mecenat: 15, 'revenus-activite': 15, 'fonds-propres-autres': 0 },
      'fi-diversite': 'trois-sources-ou-plus',
      'fi-dependance': 'forte-reduction',
      'fi-pluriannualite': 'petite-part',
      'fi-reserves': 'un-a-trois-mois',
      'al-familles-acteurs': 'deux-familles',
      'al-partenariats-entreprises': 'une-forme',
      'al-evaluation': 'ressenti',
      'al-ancrage-territoire': 'impliques',
      'pilier-prioritaire': 'human-resources',
      'horizon-prioritaire': '18-mois',
      'temps-disponible': '5-a-10-h',
      'types-aide': ['agir', 'accompagner'],
      'accompagnement-actuel': 'souhaite',
    },
  },
  {
    respondent: { name: 'Thomas Leroy', role: 'salarie' },
    startMinute: 5,
    durationMinutes: 12,
    answers: {
      'projet-formulation': 'ecrit',
      'projet-gouvernance-strategie': 'gestion-courante',
      'projet-innovation-phase': 'dont-know',
      'rh-roles': 'chacun-fait',
      'rh-competences-gestion': 'une-personne',
      'rh-recrutement': 'appels',
      'rh-gouvernance-renouvellement': 'memes-personnes',
      'fi-diversite': 'deux-sources',
      'fi-dependance': 'activite-menacee',
      'fi-pluriannualite': 'chaque-annee',
      'fi-reserves': 'un-a-trois-mois',
      'al-familles-acteurs': 'une-famille',
      'al-partenariats-entreprises': 'contacts-ponctuels',
      'al-evaluation': 'ressenti',
      'al-ancrage-territoire': 'identifies',
      'pilier-prioritaire': 'human-resources',
      'horizon-prioritaire': '18-mois',
      'temps-disponible': '2-a-5-h',
      'types-aide': ['se-former', 'agir'],
      'accompagnement-actuel': 'pas-accompagnes',
    },
  },
  {
    respondent: { name: 'Aïcha Diallo', role: 'salarie' },
    startMinute: 6,
    durationMinutes: 15,
    answers: {
      'projet-formulation': 'ecrit',
      'projet-gouvernance-strategie': 'ponctuelle',
      'projet-innovation-phase': 'rd-societale',
      'rh-roles': 'grandes-missions',
      'rh-competences-gestion': 'une-personne',
      'rh-recrutement': 'appels',
      'rh-gouvernance-renouvellement': 'memes-personnes',
      'mix-ressources': { subventions: 60, 'commande-publique': 5, cotisations: 5, dons: 5, mecenat: 10, 'revenus-activite': 15, 'fonds-propres-autres': 0 },
      'fi-diversite': 'deux-sources',
      'fi-dependance': 'forte-reduction',
      'fi-pluriannualite': 'petite-part',
      'fi-reserves': 'un-a-trois-mois',
      'al-familles-acteurs': 'deux-familles',
      'al-partenariats-entreprises': 'une-forme',
      'al-evaluation': 'ressenti',
      'al-ancrage-territoire': 'impliques',
      'pilier-prioritaire': 'human-resources',
      'horizon-prioritaire': '2030',
      'temps-disponible': '2-a-5-h',
      'types-aide': ['comprendre', 'se-former'],
      'accompagnement-actuel': 'souhaite',
    },
  },
  {
    respondent: { name: 'Jean-Pierre Moreau', role: 'benevole' },
    startMinute: 10,
    durationMinutes: 18,
    answers: {
      'projet-formulation': 'actualise',
      'projet-gouvernance-strategie': 'ponctuelle',
      'projet-innovation-phase': 'qualification',
      'rh-roles': 'grandes-missions',
      'rh-competences-gestion': 'en-partie',
      'rh-recrutement': 'bouche-a-oreille',
      'rh-gouvernance-renouvellement': 'arrivees-occasionnelles',
      'fi-diversite': 'dont-know',
      'fi-dependance': 'forte-reduction',
      'fi-pluriannualite': 'petite-part',
      'fi-reserves': 'dont-know',
      'al-familles-acteurs': 'deux-familles',
      'al-partenariats-entreprises': 'contacts-ponctuels',
      'al-evaluation': 'ressenti',
      'al-ancrage-territoire': 'impliques',
      'pilier-prioritaire': 'human-resources',
      'horizon-prioritaire': '2030',
      'temps-disponible': 'moins-de-2-h',
      'types-aide': ['agir'],
      'accompagnement-actuel': 'pas-accompagnes',
    },
  },
];

// 9:00 in Paris on the workshop day (winter time, UTC+1).
const WORKSHOP_START = Date.parse('2026-11-14T08:00:00Z');
const MINUTE = 60_000;

const content = loadContentDirectory(CONTENT_DIR);
const questionnaire = content.questionnaires.find((loaded) => loaded.questionnaire.id === QUESTIONNAIRE_ID)?.questionnaire;
if (!questionnaire) throw new Error(`questionnaire "${QUESTIONNAIRE_ID}" did not load: ${content.errors.join('\n')}`);

const files = RESPONDENTS.map(({ respondent, startMinute, durationMinutes, answers }) => {
  const createdAt = new Date(WORKSHOP_START + startMinute * MINUTE);
  const updatedAt = new Date(createdAt.getTime() + durationMinutes * MINUTE);
  const file = createAnswersFile(questionnaire, { ...PROFILE, ...answers }, updatedAt, { respondent, createdAt });
  const parsed = parseAnswersFile(file, questionnaire);
  if (!parsed.ok) throw new Error(`${respondent.name ?? '?'}: ${parsed.errors.join('; ')}`);
  const incompleteStep = findFirstIncompleteStep(questionnaire, file.answers);
  if (incompleteStep !== null) throw new Error(`${respondent.name ?? '?'}: step "${incompleteStep}" is incomplete`);
  return file;
});

mkdirSync(path.dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(files, null, 2)}\n`);
console.log(`${path.relative(REPO_ROOT, OUTPUT)}: ${files.length} answers files of « ${ORGANISATION} » (${QUESTIONNAIRE_ID} ${questionnaire.version})`);
