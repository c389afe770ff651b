import type { AnswersFile, RespondentRole } from './answers';
import type { GroupRole } from './group';

/** Inclusive forms: a board or a team is rarely of one gender. */
export const RESPONDENT_ROLE_LABELS: Record<RespondentRole, string> = {
  administrateur: 'Administrateur·rice',
  'dirigeant-salarie': 'Dirigeant·e salarié·e',
  salarie: 'Salarié·e',
  benevole: 'Bénévole',
  partenaire: 'Partenaire',
  autre: 'Autre',
};

export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  ...RESPONDENT_ROLE_LABELS,
  unspecified: 'Rôle non précisé',
};

/** How respondents are named in one language; French (the labels above) by default. */
export interface RespondentWording {
  roleLabels: Readonly<Record<GroupRole, string>>;
  /** « Répondant·e 3 »: a respondent shown without their name. */
  anonymous(position: number): string;
  /** « Répondant·e 3 · Bénévole ». */
  withRole(who: string, role: string): string;
}

export const FRENCH_RESPONDENT_WORDING: RespondentWording = {
  roleLabels: GROUP_ROLE_LABELS,
  anonymous: (position) => `Répondant·e ${position}`,
  withRole: (who, role) => `${who} · ${role}`,
};

export interface LabelRespondentOptions {
  /** Names stay hidden unless the facilitator shows them: answering anonymously is the default. */
  showNames: boolean;
  /** Left out where the role has a place of its own (a CSV column). */
  withRole?: boolean;
  wording?: RespondentWording;
}

/** "Répondant·e 3 · Bénévole", or "Marie Dupont · Bénévole" when names are shown and one was given. */
export function labelRespondent(
  file: AnswersFile,
  position: number,
  { showNames, withRole = true, wording = FRENCH_RESPONDENT_WORDING }: LabelRespondentOptions,
): string {
  const name = file.respondent.name?.trim();
  const who = showNames && name ? name : wording.anonymous(position);
  const role = file.respondent.role;
  return role && withRole ? wording.withRole(who, wording.roleLabels[role]) : who;
}
