import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAnswersFile } from '../src/domain/answers-file';
import { diagnose, summarizeDiagnosis } from '../src/domain/diagnose';
import { buildReportModel, type ReportModel } from '../src/report/report-model';
import { renderReportPdf } from '../src/report/render-pdf';
import { loadNodePdfFonts } from './lib/node-pdf-fonts';
import { CONTENT_DIR, loadContentDirectory } from './lib/questionnaire-files';

const USAGE = `Usage : npm run diagnose -- <réponses.json> [--json] [--pdf <rapport.pdf>] [--questionnaires <dossier>] [--date <AAAA-MM-JJ>]

  <réponses.json>            un fichier de réponses exporté par Trajectoires
  --json                     affiche le diagnostic en JSON (scores, points de vigilance, parcours)
  --pdf <rapport.pdf>        écrit le rapport PDF, identique à celui du navigateur
  --questionnaires <dossier> dossier des questionnaires (par défaut : questionnaires/)
  --date <AAAA-MM-JJ>        date du rapport (par défaut : date de mise à jour du fichier)

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
  answersPath: string;
  isJson: boolean;
  pdfPath: string | undefined;
  questionnairesDir: string;
  reportDate: Date | undefined;
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
        pdf: { type: 'string' },
        questionnaires: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new CliError(EXIT_USAGE, [(error as Error).message, '', USAGE]);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new CliError(EXIT_OK, [USAGE]);
  const [answersPath, ...extra] = positionals;
  if (!answersPath) throw new CliError(EXIT_USAGE, ['Indiquez le fichier de réponses à diagnostiquer.', '', USAGE]);
  if (extra.length > 0) throw new CliError(EXIT_USAGE, [`Un seul fichier de réponses à la fois (reçu aussi : ${extra.join(', ')}).`, '', USAGE]);
  return {
    answersPath: path.resolve(callerDir, answersPath),
    isJson: values.json,
    pdfPath: values.pdf === undefined ? undefined : path.resolve(callerDir, values.pdf),
    questionnairesDir: values.questionnaires === undefined ? CONTENT_DIR : path.resolve(callerDir, values.questionnaires),
    reportDate: values.date === undefined ? undefined : parseReportDate(values.date),
  };
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

async function run(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  const input = readJson(options.answersPath);
  const fileName = path.basename(options.answersPath);

  const content = loadContentDirectory(options.questionnairesDir);
  if (content.errors.length > 0) throw new CliError(EXIT_INVALID_INPUT, ['Les questionnaires ne se chargent pas :', ...content.errors]);
  const toolkit = content.toolkits[0]?.toolkit;
  if (!toolkit) throw new CliError(EXIT_INVALID_INPUT, [`${options.questionnairesDir} : aucune boîte à outils.`]);

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
  for (const warning of parsed.warnings) process.stderr.write(`Attention : ${warning}\n`);

  const diagnosis = diagnose(questionnaire, toolkit, parsed.file.answers);
  const generatedAt = options.reportDate ?? new Date(parsed.file.updatedAt);
  const model = buildReportModel({ questionnaire, toolkit, file: parsed.file, diagnosis, generatedAt });

  if (options.isJson) process.stdout.write(`${JSON.stringify(summarizeDiagnosis(questionnaire, diagnosis), null, 2)}\n`);
  else process.stdout.write(formatTextSummary(model));

  if (options.pdfPath) {
    const bytes = renderReportPdf(model, await loadNodePdfFonts());
    writeFileSync(options.pdfPath, Buffer.from(bytes));
    // On stderr, so that --json --pdf still prints pure JSON on stdout.
    process.stderr.write(`Rapport PDF écrit : ${displayPath(options.pdfPath)}\n`);
  }
  return EXIT_OK;
}

function displayPath(filePath: string): string {
  const relative = path.relative(callerDir, filePath);
  return relative === '' || relative.startsWith('..') ? filePath : relative;
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `  - ${line}`);
}

/** The text a person reads in a terminal: the same words as the PDF, from the same model. */
function formatTextSummary(model: ReportModel): string {
  const stepCount = model.path.groups.reduce((count, group) => count + group.steps.length, 0);
  const numberWidth = `${stepCount}.`.length;
  const lines = [
    `${model.documentTitle} – ${model.organisationName}`,
    `${model.cover.questionnaireLabel} · ${model.dateLabel}`,
    '',
    ...model.summary.areas.map((area) => `${area.label} : ${area.levelLabel ? `${area.scoreLabel} · ${area.levelLabel}` : area.scoreLabel}`),
    '',
    `${model.summary.flagsHeading} :`,
    ...(model.summary.flags.length === 0 ? [`  ${model.summary.noFlagsText}`] : model.summary.flags.map((flag) => `  - ${flag}`)),
    '',
    `${model.path.heading}, un parcours d’outils sur mesure :`,
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
