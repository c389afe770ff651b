import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { selectVisibleAnswers, type AnswersFile } from '../src/domain/answers';
import { parseAnswersFile } from '../src/domain/answers-file';
import { compareDiagnoses, type ComparedScore, type DiagnosisComparison } from '../src/domain/compare-diagnoses';
import { diagnose, summarizeDiagnosis } from '../src/domain/diagnose';
import {
  addGroupMembers,
  aggregateGroup,
  buildConsensusAnswers,
  createGroup,
  selectLeastConsensus,
  type Group,
  type GroupAggregate,
  type ScoreSpread,
} from '../src/domain/group';
import type { Questionnaire, Toolkit } from '../src/domain/questionnaire-schema';
import { organisationKey } from '../src/domain/library-groups';
import { labelRespondent } from '../src/domain/respondents';
import { DONT_KNOW, NOT_APPLICABLE } from '../src/domain/questionnaire-schema';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../src/i18n/languages';
import { buildConsensusCsv, buildRespondentsCsv } from '../src/report/group-csv';
import { buildGroupReportModel, type GroupReportModel } from '../src/report/group-report-model';
import { renderGroupReportPdf } from '../src/report/render-group-pdf';
import { buildEvolution, buildReportModel, formatEvolutionDate, readOrganisationName, type ReportEvolution, type ReportEvolutionScore, type ReportModel } from '../src/report/report-model';
import { renderReportPdf } from '../src/report/render-pdf';
import { loadReportWording, type ReportWording } from '../src/report/report-wording';
import { loadNodePdfFonts } from './lib/node-pdf-fonts';
import { CONTENT_DIR, loadContentDirectory } from './lib/questionnaire-files';

const USAGE = `Usage : npm run diagnose -- <réponses.json> [<réponses.json>…] [--json] [--pdf <rapport.pdf>] [--csv <réponses.csv>] [--noms] [--langue <fr|en>] [--questionnaires <dossier>] [--date <AAAA-MM-JJ>]
        npm run diagnose -- --compare <ancien.json> <récent.json> [--json] [--pdf <rapport.pdf>] [--langue <fr|en>] [--questionnaires <dossier>] [--date <AAAA-MM-JJ>]

  <réponses.json>            un fichier de réponses exporté par Trajectoires ; avec plusieurs fichiers
                             du même questionnaire, le diagnostic collectif (répartitions, zones de
                             moindre consensus, diagnostic de consensus)
  --compare                  compare deux diagnostics d’une même organisation, l’ancien puis le récent :
                             évolution de chaque pilier et de chaque dimension, réponses modifiées,
                             étapes du parcours faites depuis (express et complet se comparent)
  --json                     affiche le diagnostic en JSON (scores, points de vigilance, parcours ;
                             pour un groupe : respondents, roles, pillars, leastConsensus, consensus ;
                             avec --compare : older, newer, areas, dimensions, changedAnswers, stepsDoneSince)
  --pdf <rapport.pdf>        écrit le rapport PDF, identique à celui du navigateur (collectif pour un groupe ;
                             avec --compare, celui du diagnostic récent avec sa section « Évolution depuis le … »)
  --csv <réponses.csv>       écrit une ligne par répondant·e, et le consensus dans <réponses>-consensus.csv
  --noms                     montre les noms des répondant·es (anonymes par défaut)
  --langue <fr|en>           langue du résumé, du rapport PDF et du CSV (par défaut : fr ; --lang aussi) ;
                             les questions et les outils viennent de la traduction du questionnaire quand elle existe
  --questionnaires <dossier> dossier des questionnaires (par défaut : questionnaires/)
  --date <AAAA-MM-JJ>        date du rapport (par défaut : date de mise à jour du fichier, la plus récente pour un groupe)

Codes de sortie : 0 succès, 1 fichier ou contenu invalide, 2 mauvaise utilisation.`;

const EXIT_OK = 0;
const EXIT_INVALID_INPUT = 1;
const EXIT_USAGE = 2;

class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }
}

interface CliOptions {
  answersPaths: string[];
  isCompare: boolean;
  isJson: boolean;
  pdfPath: string | undefined;
  csvPath: string | undefined;
  showNames: boolean;
  questionnairesDir: string;
  reportDate: Date | undefined;
  language: Language;
}

// npm runs scripts from the package root; INIT_CWD is where the person typed the command.
const callerDir = process.env['INIT_CWD'] ?? process.cwd();

function readOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        compare: { type: 'boolean', default: false },
        pdf: { type: 'string' },
        csv: { type: 'string' },
        noms: { type: 'boolean', default: false },
        questionnaires: { type: 'string' },
        date: { type: 'string' },
        langue: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new CliError(EXIT_USAGE, [(error as Error).message, '', USAGE]);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new CliError(EXIT_OK, [USAGE]);
  if (values.compare && positionals.length !== 2) {
    throw new CliError(EXIT_USAGE, [
      `--compare attend exactement deux fichiers de réponses, l’ancien diagnostic puis le plus récent (${positionals.length} ${positionals.length > 1 ? 'donnés' : 'donné'}).`,
      '',
      USAGE,
    ]);
  }
  if (values.compare && values.csv !== undefined) throw new CliError(EXIT_USAGE, ['--csv ne s’utilise pas avec --compare.', '', USAGE]);
  if (positionals.length === 0) throw new CliError(EXIT_USAGE, ['Indiquez le fichier de réponses à diagnostiquer.', '', USAGE]);
  return {
    answersPaths: positionals.map((answersPath) => path.resolve(callerDir, answersPath)),
    isCompare: values.compare,
    isJson: values.json,
    pdfPath: values.pdf === undefined ? undefined : path.resolve(callerDir, values.pdf),
    csvPath: values.csv === undefined ? undefined : path.resolve(callerDir, values.csv),
    showNames: values.noms,
    questionnairesDir: values.questionnaires === undefined ? CONTENT_DIR : path.resolve(callerDir, values.questionnaires),
    reportDate: values.date === undefined ? undefined : parseReportDate(values.date),
    language: parseLanguage(values.langue, values.lang),
  };
}

function parseLanguage(langue: string | undefined, lang: string | undefined): Language {
  if (langue !== undefined && lang !== undefined && langue !== lang) {
    throw new CliError(EXIT_USAGE, [`--langue « ${langue} » et --lang « ${lang} » se contredisent : n’en donnez qu’une.`]);
  }
  const text = langue ?? lang;
  if (text === undefined) return DEFAULT_LANGUAGE;
  if (!isLanguage(text)) {
    throw new CliError(EXIT_USAGE, [`--langue : langue « ${text} » inconnue (disponibles : ${LANGUAGES.join(', ')}).`]);
  }
  return text;
}

function parseReportDate(text: string): Date {
  // A bare day is read at noon UTC, which is that same day in Paris whatever the season.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new CliError(EXIT_USAGE, [`--date : date « ${text} » illisible (attendu : AAAA-MM-JJ, par exemple 2026-11-22).`]);
  }
  return date;
}

function readJson(filePath: string): unknown {
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch {
    throw new CliError(EXIT_USAGE, [`${filePath} : fichier introuvable ou illisible.`]);
  }
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new CliError(EXIT_INVALID_INPUT, [`${filePath} : JSON invalide (${(error as Error).message}).`]);
  }
}

type Content = ReturnType<typeof loadContentDirectory>;

interface LoadedAnswers {
  fileName: string;
  file: AnswersFile;
  questionnaire: Questionnaire;
  warnings: string[];
}

function loadContent(questionnairesDir: string): { content: Content; toolkit: Toolkit } {
  const content = loadContentDirectory(questionnairesDir);
  if (content.errors.length > 0) throw new CliError(EXIT_INVALID_INPUT, ['Les questionnaires ne se chargent pas :', ...content.errors]);
  const toolkit = content.toolkits[0]?.toolkit;
  if (!toolkit) throw new CliError(EXIT_INVALID_INPUT, [`${questionnairesDir} : aucune boîte à outils.`]);
  return { content, toolkit };
}

/**
 * The questionnaire and the toolkit in the report's language: their translation when the directory
 * has one, the source (French) otherwise, said once on stderr. Answers are always checked against
 * the source: a translation carries the same ids.
 */
function createLocaliser(content: Content, language: Language) {
  const warned = new Set<string>();
  const warnUntranslated = (name: string) => {
    if (language === DEFAULT_LANGUAGE || warned.has(name)) return;
    warned.add(name);
    process.stderr.write(`Attention : ${name} n’a pas de traduction « ${language} » ; ses textes restent en français.\n`);
  };
  return {
    questionnaire(questionnaire: Questionnaire): Questionnaire {
      if (language === DEFAULT_LANGUAGE) return questionnaire;
      const translated = content.translatedQuestionnaires.find((entry) => entry.language === language && entry.questionnaire.id === questionnaire.id);
      if (!translated) warnUntranslated(`le questionnaire « ${questionnaire.id} »`);
      return translated?.questionnaire ?? questionnaire;
    },
    toolkit(toolkit: Toolkit): Toolkit {
      if (language === DEFAULT_LANGUAGE) return toolkit;
      const translated = content.translatedToolkits.find((entry) => entry.language === language && entry.toolkit.id === toolkit.id);
      if (!translated) warnUntranslated(`la boîte à outils « ${toolkit.id} »`);
      return translated?.toolkit ?? toolkit;
    },
  };
}

/** Checks one answers file against its own questionnaire; every problem names the file. */
function checkAnswers(answersPath: string, input: unknown, content: Content): LoadedAnswers {
  const fileName = path.basename(answersPath);
  const header = parseAnswersFile(input);
  if (!header.ok) throw new CliError(EXIT_INVALID_INPUT, [`${fileName} n’est pas un fichier de réponses valide :`, ...indent(header.errors)]);
  const questionnaireId = header.file.questionnaire.id;
  const questionnaire = content.questionnaires.find((loaded) => loaded.questionnaire.id === questionnaireId)?.questionnaire;
  if (!questionnaire) {
    const known = content.questionnaires.map((loaded) => loaded.questionnaire.id).join(', ');
    throw new CliError(EXIT_INVALID_INPUT, [`${fileName} : questionnaire « ${questionnaireId} » inconnu (disponibles : ${known}).`]);
  }
  const parsed = parseAnswersFile(input, questionnaire);
  if (!parsed.ok) throw new CliError(EXIT_INVALID_INPUT, [`${fileName} n’est pas un fichier de réponses valide :`, ...indent(parsed.errors)]);
  return { fileName, file: parsed.file, questionnaire, warnings: parsed.warnings };
}

async function run(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (options.isCompare) return runCompare(options);
  return options.answersPaths.length === 1 ? runSingle(options, options.answersPaths[0]!) : runGroup(options);
}

async function runSingle(options: CliOptions, answersPath: string): Promise<number> {
  const input = readJson(answersPath);
  const { content, toolkit: sourceToolkit } = loadContent(options.questionnairesDir);
  const loaded = checkAnswers(answersPath, input, content);
  const { file } = loaded;
  for (const warning of loaded.warnings) process.stderr.write(`Attention : ${warning}\n`);
  const wording = await loadReportWording(options.language);
  const localise = createLocaliser(content, options.language);
  const questionnaire = localise.questionnaire(loaded.questionnaire);
  const toolkit = localise.toolkit(sourceToolkit);

  const diagnosis = diagnose(questionnaire, toolkit, file.answers, wording.diagnosis);
  const generatedAt = options.reportDate ?? new Date(file.updatedAt);
  const model = buildReportModel({ questionnaire, toolkit, file, diagnosis, generatedAt, wording });

  if (options.isJson) process.stdout.write(`${JSON.stringify(summarizeDiagnosis(questionnaire, diagnosis, wording.diagnosis), null, 2)}\n`);
  else process.stdout.write(formatTextSummary(model, wording));

  if (options.pdfPath) {
    const bytes = renderReportPdf(model, await loadNodePdfFonts(), wording);
    writeFileSync(options.pdfPath, Buffer.from(bytes));
    // On stderr, so that --json --pdf still prints pure JSON on stdout.
    process.stderr.write(`Rapport PDF écrit : ${displayPath(options.pdfPath)}\n`);
  }
  if (options.csvPath) writeCsvFiles(options.csvPath, questionnaire, buildCliGroup(questionnaire, [loaded]), options.showNames, wording);
  return EXIT_OK;
}

/** Every file named, checked; the bad ones are collected so that they are all listed together. */
function readEveryAnswersFile(answersPaths: readonly string[], content: Content): { loaded: LoadedAnswers[]; problems: CliError[] } {
  const loaded: LoadedAnswers[] = [];
  const problems: CliError[] = [];
  for (const answersPath of answersPaths) {
    try {
      loaded.push(checkAnswers(answersPath, readJson(answersPath), content));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error);
    }
  }
  return { loaded, problems };
}

/** One error for all: a missing file is a usage error, as with one file; otherwise the files themselves are at fault. */
function combineProblems(problems: readonly CliError[]): CliError {
  const exitCode = problems.some((problem) => problem.exitCode === EXIT_USAGE) ? EXIT_USAGE : EXIT_INVALID_INPUT;
  return new CliError(exitCode, problems.flatMap((problem) => problem.lines));
}

function writeWarnings(loaded: readonly LoadedAnswers[]): void {
  for (const entry of loaded) for (const warning of entry.warnings) process.stderr.write(`Attention : ${entry.fileName} : ${warning}\n`);
}

/** Several respondents: every file is checked first, and all the bad ones are listed together. */
async function runGroup(options: CliOptions): Promise<number> {
  const { content, toolkit: sourceToolkit } = loadContent(options.questionnairesDir);
  const { loaded, problems } = readEveryAnswersFile(options.answersPaths, content);
  const [first] = loaded;
  if (problems.length === 0 && first) {
    const { rejected } = addGroupMembers(createGroup(first.questionnaire.id), loaded.map((entry) => entry.file), () => '');
    for (const { file, reason } of rejected) {
      const fileName = loaded.find((entry) => entry.file === file)?.fileName ?? '?';
      problems.push(new CliError(EXIT_INVALID_INPUT, [`${fileName} ne peut pas rejoindre le groupe : ${reason}`]));
    }
  }
  if (problems.length > 0 || !first) throw combineProblems(problems);
  writeWarnings(loaded);

  const wording = await loadReportWording(options.language);
  const localise = createLocaliser(content, options.language);
  const questionnaire = localise.questionnaire(first.questionnaire);
  const toolkit = localise.toolkit(sourceToolkit);
  const group = buildCliGroup(questionnaire, loaded);
  const generatedAt = options.reportDate ?? new Date(Math.max(...loaded.map((entry) => Date.parse(entry.file.updatedAt))));
  const model = buildGroupReportModel({ questionnaire, toolkit, group, generatedAt, showNames: options.showNames, wording });

  if (options.isJson) process.stdout.write(`${JSON.stringify(summarizeGroup(questionnaire, toolkit, group, loaded, options.showNames, wording), null, 2)}\n`);
  else process.stdout.write(formatGroupTextSummary(model, wording));

  if (options.pdfPath) {
    const bytes = renderGroupReportPdf(model, await loadNodePdfFonts(), wording);
    writeFileSync(options.pdfPath, Buffer.from(bytes));
    process.stderr.write(`Rapport PDF collectif écrit : ${displayPath(options.pdfPath)}\n`);
  }
  if (options.csvPath) writeCsvFiles(options.csvPath, questionnaire, group, options.showNames, wording);
  return EXIT_OK;
}

/** Two diagnoses of one organisation, the older first: what changed, and the newer report with its evolution. */
async function runCompare(options: CliOptions): Promise<number> {
  const { content, toolkit: sourceToolkit } = loadContent(options.questionnairesDir);
  const { loaded, problems } = readEveryAnswersFile(options.answersPaths, content);
  const [older, newer] = loaded;
  if (problems.length > 0 || !older || !newer) throw combineProblems(problems);
  writeWarnings(loaded);
  const wording = await loadReportWording(options.language);
  const localise = createLocaliser(content, options.language);
  const toolkit = localise.toolkit(sourceToolkit);
  // Two different organisations may still be worth comparing (a renamed one, a sister structure): warn, do not refuse.
  const [olderName, newerName] = loaded.map((entry) =>
    readOrganisationName(entry.questionnaire, selectVisibleAnswers(entry.questionnaire, entry.file.answers), wording),
  );
  if (organisationKey(olderName!) !== organisationKey(newerName!)) {
    process.stderr.write(`Attention : les deux fichiers ne décrivent pas la même organisation (« ${olderName} », puis « ${newerName} ») ; la comparaison est faite quand même.\n`);
  }
  if (Date.parse(older.file.updatedAt) > Date.parse(newer.file.updatedAt)) {
    process.stderr.write(`Attention : ${older.fileName} a été modifié après ${newer.fileName} ; donnez l’ancien diagnostic d’abord pour lire l’évolution dans le bon sens.\n`);
  }

  const olderDiagnosis = { questionnaire: localise.questionnaire(older.questionnaire), file: older.file };
  const newerDiagnosis = { questionnaire: localise.questionnaire(newer.questionnaire), file: newer.file };
  const comparison = compareDiagnoses(olderDiagnosis, newerDiagnosis, toolkit, wording);
  if (options.isJson) process.stdout.write(`${JSON.stringify(summarizeComparison(comparison, older, newer, wording), null, 2)}\n`);
  else process.stdout.write(formatComparisonText(buildEvolution(comparison, wording), comparison, newerName!, wording));

  if (options.pdfPath) {
    const diagnosis = diagnose(newerDiagnosis.questionnaire, toolkit, newer.file.answers, wording.diagnosis);
    const generatedAt = options.reportDate ?? new Date(newer.file.updatedAt);
    const model = buildReportModel({ ...newerDiagnosis, toolkit, diagnosis, generatedAt, evolution: { older: olderDiagnosis }, wording });
    writeFileSync(options.pdfPath, Buffer.from(renderReportPdf(model, await loadNodePdfFonts(), wording)));
    process.stderr.write(`Rapport PDF écrit, avec son évolution : ${displayPath(options.pdfPath)}\n`);
  }
  return EXIT_OK;
}

function summarizeScore(score: ComparedScore | null) {
  if (score === null) return null;
  return { score: score.score, level: score.levelId, levelLabel: score.levelLabel, isInsufficient: score.isInsufficient, isNotApplicable: score.isNotApplicable };
}

/** The comparison as JSON: ids, scores and level ids for scripts; the answers in words, as the report prints them. */
function summarizeComparison(comparison: DiagnosisComparison, older: LoadedAnswers, newer: LoadedAnswers, wording: ReportWording) {
  const side = (entry: LoadedAnswers, described: DiagnosisComparison['older']) => ({ file: entry.fileName, date: described.updatedAt, questionnaire: described.questionnaire });
  return {
    older: side(older, comparison.older),
    newer: side(newer, comparison.newer),
    sameQuestionnaire: comparison.sameQuestionnaire,
    areas: comparison.areas.map((area) => ({ id: area.id, label: wording.pillarLabels[area.id], before: summarizeScore(area.before), after: summarizeScore(area.after), delta: area.delta })),
    dimensions: comparison.dimensions.map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      area: dimension.area,
      before: summarizeScore(dimension.before),
      after: summarizeScore(dimension.after),
      delta: dimension.delta,
    })),
    changedAnswers: comparison.changedAnswers.map((change) => ({
      questionId: change.questionId,
      label: change.label,
      step: change.stepTitle,
      before: change.before,
      after: change.after,
    })),
    stepsDoneSince: comparison.stepsDoneSince,
  };
}

/** The comparison in a terminal: the same words as the report's evolution section. */
function formatComparisonText(evolution: ReportEvolution, comparison: DiagnosisComparison, organisationName: string, wording: ReportWording): string {
  const { t } = wording;
  const describeSide = (side: DiagnosisComparison['older']) =>
    t('cli.side', { title: side.questionnaire.title, version: side.questionnaire.version, date: formatEvolutionDate(new Date(side.updatedAt), wording) });
  const describe = (score: ReportEvolutionScore) => (score.levelLabel ? `${score.scoreLabel} · ${score.levelLabel}` : score.scoreLabel);
  const row = (label: string, entry: ReportEvolution['areas'][number]) =>
    t('cli.labelled', { label, value: `${describe(entry.before)} → ${describe(entry.after)} (${entry.deltaLabel})` });
  const lines = [
    `${evolution.heading} – ${organisationName}`,
    t('cli.olderSide', { side: describeSide(comparison.older) }),
    t('cli.newerSide', { side: describeSide(comparison.newer) }),
    ...(evolution.questionnaireNote ? [evolution.questionnaireNote] : []),
    '',
    ...evolution.areas.map((area) => row(area.label, area)),
    '',
    t('cli.heading', { heading: evolution.dimensionsHeading }),
    ...evolution.dimensionGroups.flatMap((group) => [`  ${group.title}`, ...group.rows.map((dimension) => row(`    ${dimension.label}`, dimension))]),
    '',
    t('cli.labelled', { label: evolution.changedAnswersHeading, value: evolution.changedAnswersIntro }),
    ...evolution.changedAnswerGroups.flatMap((group) =>
      group.rows.map(
        (change) =>
          `  - [${group.title}] ${change.question}\n      ${t('cli.changedBefore', { answer: change.before })}\n      ${t('cli.changedAfter', { answer: change.after })}`,
      ),
    ),
    '',
    t('cli.heading', { heading: evolution.stepsDoneHeading }),
    ...(evolution.stepsDone.length === 0 ? [`  ${evolution.noStepsDone}`] : evolution.stepsDone.map((step) => `  - ${step.title}`)),
  ];
  return `${lines.join('\n')}\n`;
}

/** Members keep the order of the command line, so « Répondant·e 2 » is the second file. */
function buildCliGroup(questionnaire: Questionnaire, loaded: readonly LoadedAnswers[]): Group {
  let position = 0;
  return addGroupMembers(createGroup(questionnaire.id), loaded.map((entry) => entry.file), () => `membre-${(position += 1)}`).group;
}

function writeCsvFiles(csvPath: string, questionnaire: Questionnaire, group: Group, showNames: boolean, wording: ReportWording): void {
  const consensusPath = path.join(path.dirname(csvPath), `${path.basename(csvPath, path.extname(csvPath))}-consensus.csv`);
  writeFileSync(csvPath, buildRespondentsCsv(questionnaire, group, { showNames, wording }));
  writeFileSync(consensusPath, buildConsensusCsv(questionnaire, group, wording));
  process.stderr.write(`Fichiers CSV écrits : ${displayPath(csvPath)}, ${displayPath(consensusPath)}\n`);
}

/**
 * A spread as JSON; the aggregate names areas and the unscored in French, so its labels are
 * written again in the report's language (level labels come from the questionnaire given).
 */
function summarizeSpread<T extends ScoreSpread & { id: string; label: string }>(spread: T, label: string, questionnaire: Questionnaire, wording: ReportWording) {
  const distribution = spread.distribution.map((entry) =>
    questionnaire.levels.some((level) => level.id === entry.level) ? entry : { ...entry, label: wording.t('single.insufficientData') },
  );
  return { id: spread.id, label, mean: spread.mean, min: spread.min, max: spread.max, scoredCount: spread.scoredCount, distribution };
}

/** The group as JSON: what an adviser feeds to a spreadsheet or a script, with level and question ids. */
function summarizeGroup(questionnaire: Questionnaire, toolkit: Toolkit, group: Group, loaded: readonly LoadedAnswers[], showNames: boolean, wording: ReportWording) {
  const files = group.members.map((member) => member.file);
  const aggregate = aggregateGroup(questionnaire, files);
  const project = aggregate.areas.find((area) => area.id === 'project');
  const consensus = diagnose(questionnaire, toolkit, buildConsensusAnswers(questionnaire, group), wording.diagnosis);
  const summarizeArea = (area: GroupAggregate['areas'][number]) => summarizeSpread(area, wording.pillarLabels[area.id], questionnaire, wording);
  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    respondents: aggregate.respondentCount,
    participants: loaded.map((entry, index) => ({
      file: entry.fileName,
      label: labelRespondent(entry.file, index + 1, { showNames, wording: wording.respondents }),
      role: entry.file.respondent.role ?? null,
      questionnaireVersion: entry.file.questionnaire.version,
    })),
    roles: aggregate.roles.map((role) => ({ ...role, label: wording.respondents.roleLabels[role.role] })),
    versions: aggregate.versions,
    project: project ? summarizeArea(project) : null,
    pillars: aggregate.areas.filter((area) => area.id !== 'project').map(summarizeArea),
    dimensions: aggregate.dimensions.map((dimension) => ({ ...summarizeSpread(dimension, dimension.label, questionnaire, wording), area: dimension.area })),
    leastConsensus: selectLeastConsensus(aggregate).map((question) => ({
      questionId: question.questionId,
      label: question.label,
      area: question.area,
      dimension: question.dimension,
      divergence: question.divergence,
      ratedCount: question.ratedCount,
      distribution: question.distribution.map((entry) =>
        entry.value === DONT_KNOW || entry.value === NOT_APPLICABLE ? { ...entry, label: wording.answers.reservedAnswers[entry.value] } : entry,
      ),
    })),
    agreedQuestionIds: Object.keys(group.agreedAnswers),
    consensus: summarizeDiagnosis(questionnaire, consensus, wording.diagnosis),
  };
}

/** The group in a terminal: the same words as the group PDF, from the same model. */
function formatGroupTextSummary(model: GroupReportModel, { t }: ReportWording): string {
  const stepCount = model.path.groups.reduce((count, group) => count + group.steps.length, 0);
  const describeArea = (area: { label: string; scoreLabel: string; levelLabel: string | null }) =>
    t('cli.labelled', { label: `  ${area.label}`, value: area.levelLabel ? `${area.scoreLabel} · ${area.levelLabel}` : area.scoreLabel });
  const lines = [
    `${model.documentTitle} – ${model.organisationName}`,
    `${model.cover.questionnaireLabel} · ${model.dateLabel}`,
    t('cli.labelled', { label: model.cover.respondentsLabel, value: model.participants.roles.map((role) => `${role.label} ${role.count}`).join(', ') }),
    '',
    t('cli.heading', { heading: model.distributions.heading }),
    ...model.distributions.areas.flatMap((area) => [
      t('cli.labelled', { label: `  ${area.label}`, value: area.summary }),
      `    ${area.distribution.map((entry) => `${entry.label} ${entry.count}`).join(' · ')}`,
    ]),
    '',
    t('cli.heading', { heading: model.leastConsensus.heading }),
    ...(model.leastConsensus.items.length === 0 ? [`  ${model.leastConsensus.intro}`] : []),
    ...model.leastConsensus.items.flatMap((item) => [
      `  ${item.rank}. ${item.question} [${item.questionId}] · ${item.divergenceLabel}`,
      `     ${item.answers.filter((answer) => answer.count > 0).map((answer) => `${answer.label} ${answer.count}`).join(' · ')}`,
    ]),
    '',
    t('cli.heading', { heading: model.consensus.heading }),
    ...model.consensus.areas.map(describeArea),
    `  ${model.consensus.sourcesLabel}`,
    `  ${t('cli.groupPathLine', { heading: model.path.heading, count: stepCount })}`,
  ];
  return `${lines.join('\n')}\n`;
}

function displayPath(filePath: string): string {
  const relative = path.relative(callerDir, filePath);
  return relative === '' || relative.startsWith('..') ? filePath : relative;
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `  - ${line}`);
}

/** The text a person reads in a terminal: the same words as the PDF, from the same model. */
function formatTextSummary(model: ReportModel, { t }: ReportWording): string {
  const stepCount = model.path.groups.reduce((count, group) => count + group.steps.length, 0);
  const numberWidth = `${stepCount}.`.length;
  const lines = [
    `${model.documentTitle} – ${model.organisationName}`,
    `${model.cover.questionnaireLabel} · ${model.dateLabel}`,
    '',
    ...model.summary.areas.map((area) => t('cli.labelled', { label: area.label, value: area.levelLabel ? `${area.scoreLabel} · ${area.levelLabel}` : area.scoreLabel })),
    '',
    t('cli.heading', { heading: model.summary.flagsHeading }),
    ...(model.summary.flags.length === 0 ? [`  ${model.summary.noFlagsText}`] : model.summary.flags.map((flag) => `  - ${flag}`)),
    '',
    t('cli.pathLine', { heading: model.path.heading }),
    ...(model.path.groups.length === 0 ? [`  ${model.path.emptyText}`] : []),
    ...model.path.groups.flatMap((group) =>
      group.steps.flatMap((step) => {
        const number = `${step.number}.`.padStart(numberWidth);
        const indentation = ' '.repeat(numberWidth + 3);
        return [
          `  ${number} [${group.heading}] ${step.title} (${step.kindLabel})`,
          `${indentation}${step.reason}`,
          ...(step.url ? [`${indentation}${step.url}`] : []),
        ];
      }),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      (error.exitCode === EXIT_OK ? process.stdout : process.stderr).write(`${error.lines.join('\n')}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`Erreur inattendue : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_INVALID_INPUT;
  },
);
