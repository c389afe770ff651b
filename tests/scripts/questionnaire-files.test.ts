import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { QuestionnaireSchema, ToolkitSchema } from '../../src/domain/questionnaire-schema';
import {
  buildJsonSchemas,
  checkContentFiles,
  CONTENT_DIR,
  formatIssuePath,
  loadContentDirectory,
  loadContentFile,
  parseTranslationFileName,
  REPO_ROOT,
} from '../../scripts/lib/questionnaire-files';
import { buildQuestionnaireAssets, matchQuestionnaireRequest } from '../../scripts/vite-plugin-questionnaires';

const FIXTURES = 'tests/scripts/fixtures';
const fixture = (name: string) => path.join(REPO_ROOT, FIXTURES, name);

describe('loadContentFile', () => {
  it('loads a valid questionnaire and applies the schema defaults', () => {
    const result = loadContentFile(fixture('valid/diagnostic-mini.yaml'));

    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('questionnaire');
    expect(result.kind === 'questionnaire' && result.questionnaire?.scoring.minAnsweredPerDimension).toBe(1);
  });

  it('tells a toolkit from a questionnaire by its top-level "tools" key', () => {
    const result = loadContentFile(fixture('valid/toolkit.yaml'));

    expect(result.errors).toEqual([]);
    expect(result.kind === 'toolkit' && result.toolkit?.tools.map((tool) => tool.id)).toEqual(['guide-gouvernance', 'atelier-gouvernance', 'accompagnement-local']);
  });

  it('names the file, the line, the path and the problem of every schema error, in line order', () => {
    const file = `${FIXTURES}/broken/wrong-types.yaml`;

    expect(loadContentFile(fixture('broken/wrong-types.yaml')).errors).toEqual([
      // An unknown key points at the key itself, with the keys the object accepts.
      `${file}:20 levels[1].color: unknown key (expected one of id, label, description, minScore)`,
      `${file}:23 dimensions[0].area: expected one of project, human-resources, financial-resources, strategic-alliances, got "humain"`,
      // A wrong type on a nested option keeps the schema's own message.
      `${file}:75 steps[2].questions[0].options[3].score: expected a number from 1 to 4`,
      // A missing key points at the map that should hold it.
      `${file}:76 steps[3].title: missing (expected a text)`,
      `${file}:92 steps[4].questions[0].requird: unknown key (did you mean "required"?)`,
    ]);
  });

  it('refuses a rubric without four distinct described levels and a question without help, at their lines', () => {
    const file = `${FIXTURES}/weak-content/diagnostic-flou.yaml`;

    expect(loadContentFile(fixture('weak-content/diagnostic-flou.yaml')).errors).toEqual([
      `${file}:58 steps[2].questions[0].options: expected exactly 4 options, one per level (scores 1, 2, 3 and 4), got 3`,
      `${file}:58 steps[2].questions[0].options: no option scores 3, 4 (expected scores 1, 2, 3 and 4, each once)`,
      `${file}:68 steps[2].questions[0].options[2].label: same label as option "en-partie": each level needs its own name`,
      `${file}:69 steps[2].questions[0].options[2].description: same description as option "en-partie": describe what this level looks like in practice`,
      `${file}:70 steps[2].questions[0].options[2].score: score 2 is already option "en-partie"'s (expected scores 1, 2, 3 and 4, each once)`,
      // A missing key points at the question that should hold it.
      `${file}:74 steps[3].questions[0].help: expected a help text saying why this question matters`,
    ]);
  });

  it('gives the line and the YAML message of a syntax error', () => {
    expect(loadContentFile(fixture('broken/syntax-error.yaml')).errors).toEqual([
      `${FIXTURES}/broken/syntax-error.yaml:4 YAML syntax: Nested mappings are not allowed in compact mappings (put a text that contains ": " between quotes)`,
    ]);
  });
});

describe('formatIssuePath', () => {
  it.each([
    { issuePath: ['steps', 3, 'questions', 5, 'options', 2, 'score'], expected: 'steps[3].questions[5].options[2].score' },
    { issuePath: ['bindings', 'priorityPillar'], expected: 'bindings.priorityPillar' },
    { issuePath: ['scoring', 'min-answered'], expected: 'scoring["min-answered"]' },
    { issuePath: [], expected: '(top level)' },
  ])('writes $issuePath as $expected', ({ issuePath, expected }) => {
    expect(formatIssuePath(issuePath)).toBe(expected);
  });
});

describe('loadContentDirectory', () => {
  it('loads a valid directory with no error', () => {
    const content = loadContentDirectory(fixture('valid'));

    expect(content.errors).toEqual([]);
    expect(content.questionnaires.map(({ file, questionnaire }) => [file, questionnaire.id])).toEqual([
      [`${FIXTURES}/valid/diagnostic-mini.yaml`, 'diagnostic-mini'],
    ]);
    expect(content.toolkits.map(({ file }) => file)).toEqual([`${FIXTURES}/valid/toolkit.yaml`]);
  });

  it('collects the errors of every file, and says when the toolkit is missing', () => {
    const { errors } = loadContentDirectory(fixture('broken'));

    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatch(/^tests\/scripts\/fixtures\/broken\/syntax-error\.yaml:4 /);
    expect(errors.at(-1)).toBe(`${FIXTURES}/broken: no toolkit file (a .yaml file with a top-level "tools" key)`);
  });

  it('reports a directory that does not exist', () => {
    expect(loadContentDirectory(fixture('missing')).errors).toEqual([`${FIXTURES}/missing: directory not found`]);
  });
});

describe('checkContentFiles', () => {
  it('reports toolkit levels, flag checks and dont-know dimensions the questionnaire does not declare', () => {
    const file = `${FIXTURES}/cross-check/toolkit.yaml`;
    const content = checkContentFiles(
      [loadContentFile(fixture('valid/diagnostic-mini.yaml')), loadContentFile(fixture('cross-check/toolkit.yaml'))],
      FIXTURES,
    );

    // The fixture is poor in other ways too (coverage, triggers): only the references are asserted here.
    expect(content.errors.filter((error) => / unknown (level|check|dimension) /.test(error))).toEqual([
      `${file}:12 tools[0].levels[1]: unknown level "expert" in questionnaire "diagnostic-mini"`,
      `${file}:18 tools[0].triggers[0].check: unknown check "tresorerie-fragile" (no questionnaire declares it)`,
      `${file}:22 tools[0].triggers[2].dimension: unknown dimension "modele-economique" (no questionnaire declares it)`,
    ]);
  });

  it('refuses a one-note pillar and level, a signal no tool answers and a link outside the allow-list, at their lines', () => {
    const questionnaireFile = `${FIXTURES}/valid/diagnostic-mini.yaml`;
    const toolkitFile = `${FIXTURES}/content-checks/toolkit.yaml`;
    const content = checkContentFiles(
      [loadContentFile(fixture('valid/diagnostic-mini.yaml')), loadContentFile(fixture('content-checks/toolkit.yaml'))],
      FIXTURES,
    );

    expect(content.errors).toEqual([
      `${questionnaireFile}:21 dimensions[0].id: a question of dimension "gouvernance" allows "Je ne sais pas" but no tool is triggered by it (add { type: dont-know, dimension: gouvernance } to a tool's triggers)`,
      `${questionnaireFile}:28 checks[0].id: no tool is triggered by check "ecart-piliers" (add { type: flag, check: ecart-piliers } to a tool's triggers)`,
      `${toolkitFile}:7 tools: coverage gap: strategic-alliances at level "emergent": tools of 2 kinds only (comprendre ×1, agir ×1), expected at least 3 kinds so that the path is not one-note`,
      `${toolkitFile}:7 tools: coverage gap: strategic-alliances at level "structure": tools of 2 kinds only (comprendre ×1, agir ×1), expected at least 3 kinds so that the path is not one-note`,
      `${toolkitFile}:17 tools[0].url: link to "example.org", which is not in the allow-list of known hosts (src/domain/content-checks.ts): copy a link the sources print, or leave the url out`,
    ]);
  });

  it('refuses two questionnaires with the same id, and a second toolkit', () => {
    const content = checkContentFiles(
      [
        loadContentFile(fixture('valid/diagnostic-mini.yaml')),
        loadContentFile(fixture('duplicate-id/diagnostic-mini-copy.yaml')),
        loadContentFile(fixture('valid/toolkit.yaml')),
        loadContentFile(fixture('valid/toolkit.yaml')),
      ],
      FIXTURES,
    );

    expect(content.errors).toEqual([
      `${FIXTURES}/valid/toolkit.yaml:6 tools: only one toolkit file is allowed, ${FIXTURES}/valid/toolkit.yaml is one already`,
      `${FIXTURES}/duplicate-id/diagnostic-mini-copy.yaml:3 id: duplicate questionnaire id "diagnostic-mini", already used by ${FIXTURES}/valid/diagnostic-mini.yaml`,
    ]);
  });

  it('refuses a questionnaire id that would clash with index.json or toolkit.json', () => {
    const loaded = loadContentFile(fixture('valid/diagnostic-mini.yaml'));
    if (loaded.kind !== 'questionnaire' || !loaded.questionnaire) throw new Error('the valid fixture should load');
    const content = checkContentFiles(
      [{ ...loaded, questionnaire: { ...loaded.questionnaire, id: 'index' } }, loadContentFile(fixture('valid/toolkit.yaml'))],
      FIXTURES,
    );

    expect(content.errors).toEqual([
      `${FIXTURES}/valid/diagnostic-mini.yaml:3 id: "index" is reserved (questionnaires/index.json is already served), choose another id`,
    ]);
  });
});

describe('the JSON Schemas for YAML editors', () => {
  it.each(buildJsonSchemas())('questionnaires/$fileName is up to date (npm run questionnaires:check rewrites it)', ({ fileName, source }) => {
    expect(readFileSync(path.join(CONTENT_DIR, fileName), 'utf8')).toBe(source);
  });
});

describe('buildQuestionnaireAssets', () => {
  const assets = buildQuestionnaireAssets(loadContentDirectory(fixture('valid')));
  const sourceOf = (fileName: string) => JSON.parse(assets.find((asset) => asset.fileName === fileName)?.source ?? 'null');

  it('emits one file per questionnaire, the toolkit under a fixed name, and the index', () => {
    expect(assets.map((asset) => asset.fileName)).toEqual([
      'questionnaires/diagnostic-mini.json',
      'questionnaires/toolkit.json',
      'questionnaires/index.json',
    ]);
  });

  it('serves JSON that the app validates with the same schemas', () => {
    expect(QuestionnaireSchema.safeParse(sourceOf('questionnaires/diagnostic-mini.json')).success).toBe(true);
    expect(ToolkitSchema.safeParse(sourceOf('questionnaires/toolkit.json')).success).toBe(true);
    expect(sourceOf('questionnaires/diagnostic-mini.json')).toMatchObject({ checks: [{ id: 'ecart-piliers' }], scoring: { minAnsweredPerDimension: 1 } });
  });

  it('lists the questionnaires in the index', () => {
    expect(sourceOf('questionnaires/index.json')).toEqual([
      {
        id: 'diagnostic-mini',
        version: '1.0.0',
        title: 'Diagnostic minimal',
        description: 'Un questionnaire court pour les tests.',
        durationMinutes: 5,
        locale: 'fr-FR',
        languages: ['fr'],
        translations: {},
      },
    ]);
  });
});

describe('translations', () => {
  const TRANSLATED = `${FIXTURES}/translated`;
  const BROKEN = `${FIXTURES}/translated-broken`;

  it.each([
    { name: 'diagnostic-express.en.yaml', expected: { sourceName: 'diagnostic-express.yaml', language: 'en' } },
    { name: 'toolkit.en.yaml', expected: { sourceName: 'toolkit.yaml', language: 'en' } },
    { name: 'diagnostic-express.yaml', expected: undefined },
    { name: 'diagnostic.v2.yaml', expected: undefined },
  ])('reads $name as a translation: $expected', ({ name, expected }) => {
    expect(parseTranslationFileName(name)).toEqual(expected);
  });

  it('loads a translation beside its source as a translation, not as a second questionnaire or toolkit', () => {
    const content = loadContentDirectory(fixture('translated'));

    expect(content.errors).toEqual([]);
    expect(content.questionnaires.map(({ file }) => file)).toEqual([`${TRANSLATED}/diagnostic-mini.yaml`]);
    expect(content.toolkits.map(({ file }) => file)).toEqual([`${TRANSLATED}/toolkit.yaml`]);
    expect(content.translatedQuestionnaires.map(({ file, language, questionnaire }) => [file, language, questionnaire.id, questionnaire.locale, questionnaire.title])).toEqual([
      [`${TRANSLATED}/diagnostic-mini.en.yaml`, 'en', 'diagnostic-mini', 'en-GB', 'Minimal self-assessment'],
    ]);
    expect(content.translatedToolkits.map(({ file, language, toolkit }) => [file, language, toolkit.tools[0]?.title])).toEqual([
      [`${TRANSLATED}/toolkit.en.yaml`, 'en', 'Guide to shared governance'],
    ]);
  });

  it('refuses every disagreement with the source, a schema error, a translated text the schema refuses and a translation without source, each at its line', () => {
    expect(loadContentDirectory(fixture('translated-broken')).errors).toEqual([
      `${BROKEN}/toolkit.en.yaml:5 tools["guide-gouvernance"]["durée"]: unknown key (expected one of title, description, duration)`,
      `${BROKEN}/toolkit.en.yaml:6 tools["atelier-gouvernance"].title: expected a non-empty text`,
      `${BROKEN}/diagnostic-mini.de.yaml:30 questions["gouvernance-partagee"].options.souvent.label: same label as option "en-partie": each level needs its own name`,
      `${BROKEN}/diagnostic-mini.en.yaml:2 description: missing the description (the source has one)`,
      `${BROKEN}/diagnostic-mini.en.yaml:3 sourceVersion: translates version 0.9.0 but "diagnostic-mini" is at 1.0.0: bring the translation up to date, then set sourceVersion to 1.0.0`,
      `${BROKEN}/diagnostic-mini.en.yaml:4 locale: expected a locale of language "en" (the file name's), got "de-DE"`,
      `${BROKEN}/diagnostic-mini.en.yaml:12 checks["ecart-piliers"]: expected the placeholders {gap}, {strongest}, {weakest} of the source message, got {strongest}, {weakest}`,
      `${BROKEN}/diagnostic-mini.en.yaml:19 steps.priorities.intro: unexpected intro: the source has none`,
      `${BROKEN}/diagnostic-mini.en.yaml:20 questions: missing the question "partenaires"`,
      `${BROKEN}/diagnostic-mini.en.yaml:26 questions["gouvernance-partagee"].options: missing the option "oui"`,
      `${BROKEN}/diagnostic-mini.en.yaml:27 questions["gouvernance-partagee"].options.non: expected { label, description }: the source has a description`,
      `${BROKEN}/diagnostic-mini.en.yaml:30 questions["gouvernance-partagee"].options["peut-etre"]: unknown option "peut-etre" (the source has none with this id)`,
      `${BROKEN}/diagnostic-mini.en.yaml:31 questions["budget-annuel"].unit: missing the unit (the source has one)`,
      `${BROKEN}/diagnostic-mini.en.yaml:32 questions.budget: unknown question "budget" (the source has none with this id)`,
      `${BROKEN}/orphan.en.yaml:1 (top level): no source file ${BROKEN}/orphan.yaml beside this translation (a translation is named <source file name>.<language>.yaml)`,
    ]);
  });

  describe('the assets', () => {
    const assets = buildQuestionnaireAssets(loadContentDirectory(fixture('translated')));
    const sourceOf = (fileName: string) => JSON.parse(assets.find((asset) => asset.fileName === fileName)?.source ?? 'null');

    it('add the translated questionnaire and toolkit beside the French ones', () => {
      expect(assets.map((asset) => asset.fileName)).toEqual([
        'questionnaires/diagnostic-mini.json',
        'questionnaires/diagnostic-mini.en.json',
        'questionnaires/toolkit.json',
        'questionnaires/toolkit.en.json',
        'questionnaires/index.json',
      ]);
    });

    it('serve translations the app validates with the same schemas, with the same ids and scores as the source', () => {
      const english = QuestionnaireSchema.parse(sourceOf('questionnaires/diagnostic-mini.en.json'));
      const french = QuestionnaireSchema.parse(sourceOf('questionnaires/diagnostic-mini.json'));
      const skeleton = (questionnaire: typeof french) =>
        questionnaire.steps.flatMap((step) => step.questions.map((question) => [question.id, 'options' in question ? question.options.map((option) => [option.id, option.score]) : []]));

      expect(english).toMatchObject({ id: 'diagnostic-mini', version: '1.0.0', locale: 'en-GB', title: 'Minimal self-assessment' });
      expect(skeleton(english)).toEqual(skeleton(french));
      expect(ToolkitSchema.parse(sourceOf('questionnaires/toolkit.en.json')).tools.map((item) => [item.id, item.url, item.title])).toEqual([
        ['guide-gouvernance', 'https://odd17.org/guide-cooperer-efficacement', 'Guide to shared governance'],
        ['atelier-gouvernance', undefined, 'Governance workshop'],
        ['accompagnement-local', undefined, 'Local support'],
      ]);
    });

    it('list each questionnaire’s languages, the source’s first, with the translated title', () => {
      expect(sourceOf('questionnaires/index.json')).toEqual([
        {
          id: 'diagnostic-mini',
          version: '1.0.0',
          title: 'Diagnostic minimal',
          description: 'Un questionnaire court pour les tests.',
          durationMinutes: 5,
          locale: 'fr-FR',
          languages: ['fr', 'en'],
          translations: { en: { locale: 'en-GB', title: 'Minimal self-assessment', description: 'A short questionnaire for the tests.' } },
        },
      ]);
    });
  });
});

describe('matchQuestionnaireRequest', () => {
  it.each([
    { url: '/questionnaires/diagnostic-complet.json', base: '/', expected: 'questionnaires/diagnostic-complet.json' },
    { url: '/questionnaires/index.json?t=1', base: '/', expected: 'questionnaires/index.json' },
    { url: '/app/questionnaires/toolkit.json', base: '/app/', expected: 'questionnaires/toolkit.json' },
    { url: '/questionnaires/toolkit.json', base: '/app/', expected: undefined },
    { url: '/questionnaires/diagnostic-express.en.json', base: '/', expected: 'questionnaires/diagnostic-express.en.json' },
    { url: '/app/questionnaires/toolkit.en.json', base: '/app/', expected: 'questionnaires/toolkit.en.json' },
    { url: '/questionnaires/translation.schema.json', base: '/', expected: undefined },
    { url: '/questionnaires/diagnostic-express.en.yaml', base: '/', expected: undefined },
    { url: '/questionnaires/questionnaire.schema.json', base: '/', expected: undefined },
    { url: '/questionnaires/toolkit.yaml', base: '/', expected: undefined },
    { url: '/src/main.tsx', base: '/', expected: undefined },
  ])('maps $url under base $base to $expected', ({ url, base, expected }) => {
    expect(matchQuestionnaireRequest(url, base)).toBe(expected);
  });
});

describe('the browser bundle', () => {
  it('never imports the YAML parser or the Node-only scripts', () => {
    const sourceFiles = readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.tsx?$/.test(name));
    const offenders = sourceFiles.filter((name) =>
      /from ['"](yaml|[./]+scripts\/[^'"]*)['"]/.test(readFileSync(path.join(REPO_ROOT, 'src', name), 'utf8')),
    );

    expect(offenders).toEqual([]);
  });
});

// The real content: skipped until questionnaires/*.yaml exist, then every change must keep them valid.
const hasRealContent = existsSync(CONTENT_DIR) && readdirSync(CONTENT_DIR).some((name) => name.endsWith('.yaml'));

describe.skipIf(!hasRealContent)('the questionnaires directory', () => {
  it('loads with no error', () => {
    const content = loadContentDirectory(CONTENT_DIR);

    expect(content.errors).toEqual([]);
    expect(content.questionnaires.length).toBeGreaterThan(0);
    expect(content.toolkits).toHaveLength(1);
  });

  it('has the express questionnaire in English', () => {
    const content = loadContentDirectory(CONTENT_DIR);
    const index = JSON.parse(buildQuestionnaireAssets(content).find((asset) => asset.fileName === 'questionnaires/index.json')?.source ?? '[]');

    expect(index.find((entry: { id: string }) => entry.id === 'diagnostic-express')).toMatchObject({ languages: ['fr', 'en'], translations: { en: { title: 'Express self-assessment' } } });
  });
});
