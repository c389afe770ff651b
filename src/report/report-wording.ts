import i18next, { type TFunction } from 'i18next';
import french from '../i18n/locales/fr/report';
import { DEFAULT_LANGUAGE, LANGUAGE_TAGS, type Language } from '../i18n/languages';
import type { TranslationOf } from '../i18n/translation-of';
import type { DiagnosisWording } from '../domain/diagnose';
import type { AnswerWording } from '../domain/format-answer';
import type { HighlightWording } from '../domain/highlights';
import type { PillarLabels } from '../domain/pillars';
import {
  DONT_KNOW,
  HORIZONS,
  NOT_APPLICABLE,
  PILLAR_IDS,
  SCORED_AREA_IDS,
  TOOL_KINDS,
  type Horizon,
  type PillarId,
  type Tool,
  type ToolKind,
} from '../domain/questionnaire-schema';
import type { GroupRole } from '../domain/group';
import type { RespondentWording } from '../domain/respondents';
import type { PathReasonCause, PathWording } from '../domain/toolkit-path';
import { REPORT_TIME_ZONE } from './file-names';

/** The `report` catalogue of one language (French is the source: the others have its keys). */
export type ReportCatalogue = TranslationOf<typeof french>;

/** A translation function fixed on the `report` namespace and one language. */
export type ReportT = TFunction<'report'>;

/** How a CSV file is laid out for a language's spreadsheet software. */
export interface CsvFormat {
  delimiter: string;
  decimalSeparator: string;
}

/**
 * Every word of the reports (single and group), of the CSV files and of the sentences the domain
 * writes (path reasons, highlights, role labels), in one language, ready for synchronous renderers.
 */
export interface ReportWording {
  language: Language;
  /** The BCP 47 tag for `Intl` and the PDF's declared language. */
  localeTag: string;
  t: ReportT;
  kindLabels: Readonly<Record<ToolKind, string>>;
  horizonHeadings: Readonly<Record<Horizon, string>>;
  formatLabels: Readonly<Record<Tool['format'], string>>;
  pillarLabels: PillarLabels;
  diagnosis: DiagnosisWording;
  highlight: HighlightWording;
  respondents: RespondentWording;
  answers: AnswerWording;
  csv: CsvFormat;
  /** « 22 novembre 2026 », the day in Paris like the report's file name. */
  formatDate(date: Date): string;
  /** « 1er mars 2027 » in French, which writes the first of the month as an ordinal; the plain date elsewhere. */
  formatEvolutionDate(date: Date): string;
  /** A standard deviation with two decimals, « 1,50 ». */
  formatDivergence(value: number): string;
}

const FORMATS = ['guide', 'fiche', 'webinaire', 'mooc', 'formation', 'methode', 'kit', 'reseau', 'accompagnement', 'plateforme', 'etude'] as const satisfies readonly Tool['format'][];
const GROUP_ROLES = ['administrateur', 'dirigeant-salarie', 'salarie', 'benevole', 'partenaire', 'autre', 'unspecified'] as const satisfies readonly GroupRole[];

// French spreadsheet software reads `;` as the separator and a decimal comma; English ones a comma and a point.
const CSV_FORMATS: Record<Language, CsvFormat> = {
  fr: { delimiter: ';', decimalSeparator: ',' },
  en: { delimiter: ',', decimalSeparator: '.' },
};

function mapIds<Id extends string>(ids: readonly Id[], word: (id: Id) => string): Record<Id, string> {
  return Object.fromEntries(ids.map((id) => [id, word(id)])) as Record<Id, string>;
}

/** The wording of a language from any `t` fixed on `report` (the report's own instance, or the interface's `useTranslation('report')`). */
export function createReportWording(t: ReportT, language: Language): ReportWording {
  const localeTag = LANGUAGE_TAGS[language];
  const pillarLabels = mapIds(SCORED_AREA_IDS, (id) => t(`pillars.${id}`));
  const pillarInSentence = mapIds<PillarId>(PILLAR_IDS, (id) => t(`path.pillarsInSentence.${id}`));
  const path: PathWording = { describeReason: (cause, kind) => describeReason(t, pillarInSentence, cause, kind) };
  const longDate = new Intl.DateTimeFormat(localeTag, { dateStyle: 'long', timeZone: REPORT_TIME_ZONE });
  const divergence = new Intl.NumberFormat(localeTag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    language,
    localeTag,
    t,
    kindLabels: mapIds(TOOL_KINDS, (kind) => t(`kinds.${kind}`)),
    horizonHeadings: mapIds(HORIZONS, (horizon) => t(`horizons.${horizon}`)),
    formatLabels: mapIds(FORMATS, (format) => t(`formats.${format}`)),
    pillarLabels,
    diagnosis: { path, pillarLabels, localeTag },
    highlight: {
      localeTag,
      pillarLabels,
      describe: ({ dimension, pillar, score, level, ending }) => {
        const opening = pillar === null ? dimension : t('highlight.opening', { dimension, pillar });
        const figure = score === null ? t('highlight.insufficient') : t('highlight.figure', { score });
        const words = { opening, figure, ending: t(`highlight.endings.${ending}`) };
        return level === null ? t('highlight.sentence', words) : t('highlight.sentenceWithLevel', { ...words, level });
      },
    },
    respondents: {
      roleLabels: mapIds(GROUP_ROLES, (role) => t(`roles.${role}`)),
      anonymous: (position) => t('anonymousRespondent', { position }),
      withRole: (who, role) => t('respondentWithRole', { who, role }),
    },
    answers: { localeTag, reservedAnswers: { [NOT_APPLICABLE]: t('single.notApplicable'), [DONT_KNOW]: t('single.dontKnow') } },
    csv: CSV_FORMATS[language],
    formatDate: (date) => longDate.format(date),
    formatEvolutionDate: (date) => (language === 'fr' ? longDate.format(date).replace(/^1 /, '1er ') : longDate.format(date)),
    formatDivergence: (value) => divergence.format(value),
  };
}

function describeReason(t: ReportT, pillarInSentence: Record<PillarId, string>, cause: PathReasonCause, kind: ToolKind): string {
  switch (cause.type) {
    case 'level': {
      const words = { pillar: pillarInSentence[cause.pillar], ending: t(`path.endings.${kind}`) };
      if (cause.levelLabel === null) return t(cause.isPriority ? 'path.priorityInsufficient' : 'path.insufficient', words);
      return t(cause.isPriority ? 'path.priorityLevel' : 'path.level', { ...words, level: cause.levelLabel });
    }
    case 'fill':
      return t('path.fill', { pillar: pillarInSentence[cause.pillar], ending: t(`path.endings.${kind}`) });
    case 'flag':
      return t('path.flag', { message: cause.message, ending: t(`path.endings.${kind}`) });
    case 'dont-know':
      return t('path.dontKnow', { dimension: cause.dimensionLabel, ending: t(`path.dontKnowEndings.${kind}`) });
  }
}

/** A `t` of its own, so that a report in one language never depends on the interface's current language. */
function createCatalogueT(language: Language, catalogue: ReportCatalogue): ReportT {
  const instance = i18next.createInstance();
  // Synchronous: the catalogues are given, nothing is fetched.
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: ['report'],
    defaultNS: 'report',
    resources: { [DEFAULT_LANGUAGE]: { report: french }, [language]: { report: catalogue } },
    initAsync: false,
    // The PDF and the CSV are not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.getFixedT(language, 'report');
}

/** The French wording: the default of every builder and renderer, so that French needs no loading. */
export const FRENCH_REPORT_WORDING: ReportWording = createReportWording(createCatalogueT('fr', french), 'fr');

const CATALOGUES: Record<Language, () => Promise<{ default: ReportCatalogue }>> = {
  fr: () => Promise.resolve({ default: french }),
  en: () => import('../i18n/locales/en/report'),
};

const loaded = new Map<Language, Promise<ReportWording>>();

/** The wording of a language, its catalogue fetched once (a chunk in the browser, a module in Node). */
export function loadReportWording(language: Language = DEFAULT_LANGUAGE): Promise<ReportWording> {
  if (language === DEFAULT_LANGUAGE) return Promise.resolve(FRENCH_REPORT_WORDING);
  let wording = loaded.get(language);
  if (!wording) {
    wording = CATALOGUES[language]().then(({ default: catalogue }) => createReportWording(createCatalogueT(language, catalogue), language));
    // A failure (offline before the chunk was cached) is forgotten, so that the next click tries again.
    wording.catch(() => loaded.delete(language));
    loaded.set(language, wording);
  }
  return wording;
}

// French labels kept for the screens that still read them directly.
export const KIND_LABELS: Readonly<Record<ToolKind, string>> = FRENCH_REPORT_WORDING.kindLabels;
export const HORIZON_HEADINGS: Readonly<Record<Horizon, string>> = FRENCH_REPORT_WORDING.horizonHeadings;
export const FORMAT_LABELS: Readonly<Record<Tool['format'], string>> = FRENCH_REPORT_WORDING.formatLabels;
