/**
 * File names of what the app writes (reports, exported answers) and the report's calendar day.
 * Kept apart from the report model: the welcome page and the autosave name an exported file
 * without loading the report's code.
 */

export const REPORT_TIME_ZONE = 'Europe/Paris';

/** `autodiagnostic-<slug>-<yyyy-mm-dd>.pdf`, the date read in Paris time like the one printed. */
export function buildReportFileName(organisationName: string, date: Date): string {
  return `autodiagnostic-${slugifyOrganisationName(organisationName)}-${formatIsoDay(date)}.pdf`;
}

/** `reponses-<slug>-<yyyy-mm-dd>.json`: the exported answers, named like the report beside them. */
export function buildAnswersFileName(organisationName: string, date: Date): string {
  return `reponses-${slugifyOrganisationName(organisationName)}-${formatIsoDay(date)}.json`;
}

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const SLUG_MAX_LENGTH = 60;

/** ASCII only, so the file name survives e-mail attachments, zip tools and old file systems. */
export function slugifyOrganisationName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œæßøłđðþı]/g, (letter) => LIGATURES[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const shortened = shortenAtWordBoundary(slug, SLUG_MAX_LENGTH);
  return shortened === '' ? 'organisation' : shortened;
}

function shortenAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const isMidWord = slug[maxLength] !== '-' && cut.includes('-');
  return (isMidWord ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/, '');
}

export function formatIsoDay(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: REPORT_TIME_ZONE }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
