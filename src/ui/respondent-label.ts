import type { AnswersFile } from '../domain/answers';
import type { GroupRole } from '../domain/group';
import { i18n } from '../i18n/i18n';

/** A respondent's role in the interface's language (src/domain/respondents.ts keeps the French names for the report). */
export function labelRole(role: GroupRole): string {
  return i18n.t(`roles.${role}`);
}

/**
 * « Répondant·e 3 · Bénévole », or « Marie Dupont · Bénévole » when names are shown and one was
 * given: the domain's labelRespondent, worded in the interface's language.
 */
export function labelRespondent(file: AnswersFile, position: number, { showNames, withRole = true }: { showNames: boolean; withRole?: boolean }): string {
  const name = file.respondent.name?.trim();
  const who = showNames && name ? name : i18n.t('respondents.numbered', { position });
  const role = file.respondent.role;
  return role && withRole ? i18n.t('respondents.withRole', { who, role: labelRole(role) }) : who;
}
