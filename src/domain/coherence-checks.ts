import { listQuestions, type Check, type Questionnaire } from './questionnaire-schema';
import { doesConditionHold, selectVisibleAnswers, type Answers } from './answers';
import { PILLAR_LABELS, type PillarLabels } from './pillars';
import { selectPillarScores, type Scores } from './scoring';

export interface Flag {
  checkId: string;
  message: string;
}

/** The words a check fills into a content file's message: pillar names and the numbers' locale. */
export interface CheckWording {
  pillarLabels: PillarLabels;
  /** A BCP 47 tag for `Intl.NumberFormat`. */
  localeTag: string;
}

export const FRENCH_CHECK_WORDING: CheckWording = { pillarLabels: PILLAR_LABELS, localeTag: 'fr-FR' };

// Building a NumberFormat is slow next to using one: one per locale, kept.
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(value: number, localeTag: string): string {
  let format = numberFormats.get(localeTag);
  if (!format) {
    format = new Intl.NumberFormat(localeTag, { maximumFractionDigits: 1 });
    numberFormats.set(localeTag, format);
  }
  return format.format(value);
}

/** Replaces `{name}` placeholders; unknown ones stay visible so a typo in a content file shows. */
function fillMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z]+)\}/gi, (placeholder, name: string) => values[name] ?? placeholder);
}

type CheckOf<T extends Check['type']> = Extract<Check, { type: T }>;

function evaluateLargestShare(check: CheckOf<'largest-share-above'>, questionnaire: Questionnaire, answers: Answers, wording: CheckWording): string | null {
  const question = listQuestions(questionnaire).find((candidate) => candidate.id === check.question);
  const value = answers[check.question];
  if (question?.type !== 'shares' || typeof value !== 'object' || Array.isArray(value)) return null;

  // Declared order breaks ties, so the same answers always name the same part.
  let largest: { label: string; share: number } | null = null;
  for (const part of question.parts) {
    const share = value[part.id];
    if (share !== undefined && (largest === null || share > largest.share)) largest = { label: part.label, share };
  }
  if (largest === null || largest.share <= check.threshold) return null;
  return fillMessage(check.message, { part: largest.label, share: formatNumber(largest.share, wording.localeTag) });
}

function evaluatePillarGap(check: CheckOf<'pillar-gap-above'>, scores: Scores, wording: CheckWording): string | null {
  // An unscored pillar has no position: comparing it would invent a gap.
  const scored = selectPillarScores(scores).flatMap((area) => (area.score === null ? [] : [{ id: area.id, score: area.score }]));
  const [first] = scored;
  if (!first || scored.length < 2) return null;
  const strongest = scored.reduce((best, area) => (area.score > best.score ? area : best), first);
  const weakest = scored.reduce((worst, area) => (area.score < worst.score ? area : worst), first);
  const gap = strongest.score - weakest.score;
  if (gap <= check.threshold) return null;
  return fillMessage(check.message, {
    strongest: wording.pillarLabels[strongest.id],
    weakest: wording.pillarLabels[weakest.id],
    gap: formatNumber(gap, wording.localeTag),
  });
}

function evaluateCheck(check: Check, questionnaire: Questionnaire, answers: Answers, scores: Scores, wording: CheckWording): string | null {
  switch (check.type) {
    case 'largest-share-above':
      return evaluateLargestShare(check, questionnaire, answers, wording);
    case 'pillar-gap-above':
      return evaluatePillarGap(check, scores, wording);
    case 'answer-matches':
      return check.when.every((condition) => doesConditionHold(condition, answers)) ? check.message : null;
  }
}

/**
 * The flags raised by the questionnaire's checks, in declaration order; only visible answers count.
 * The messages come from the (already translated) questionnaire; the wording fills their pillar names and numbers.
 */
export function evaluateChecks(questionnaire: Questionnaire, answers: Answers, scores: Scores, wording: CheckWording = FRENCH_CHECK_WORDING): Flag[] {
  const visibleAnswers = selectVisibleAnswers(questionnaire, answers);
  return questionnaire.checks.flatMap((check) => {
    const message = evaluateCheck(check, questionnaire, visibleAnswers, scores, wording);
    return message === null ? [] : [{ checkId: check.id, message }];
  });
}
