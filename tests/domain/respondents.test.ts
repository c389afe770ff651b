import { RESPONDENT_ROLES } from '../../src/domain/answers';
import { GROUP_ROLE_LABELS, RESPONDENT_ROLE_LABELS, labelRespondent } from '../../src/domain/respondents';
import { buildAnswers, buildAnswersFile, type AnswersFileOptions } from './fixtures';

describe('labelRespondent', () => {
  it.each<{ name: string; respondent: AnswersFileOptions['respondent']; showNames: boolean; label: string }>([
    { name: 'keeps a respondent anonymous by default, with their role', respondent: { name: 'Marie Dupont', role: 'benevole' }, showNames: false, label: 'Répondant·e 3 · Bénévole' },
    { name: 'shows the name when names are shown', respondent: { name: 'Marie Dupont', role: 'benevole' }, showNames: true, label: 'Marie Dupont · Bénévole' },
    { name: 'falls back to the position when no name was given', respondent: { role: 'administrateur' }, showNames: true, label: 'Répondant·e 3 · Administrateur·rice' },
    { name: 'treats a blank name as no name', respondent: { name: '   ', role: 'salarie' }, showNames: true, label: 'Répondant·e 3 · Salarié·e' },
    { name: 'trims the name it shows', respondent: { name: '  Marie Dupont ' }, showNames: true, label: 'Marie Dupont' },
    { name: 'leaves the role out when none was given', respondent: {}, showNames: false, label: 'Répondant·e 3' },
  ])('$name', ({ respondent, showNames, label }) => {
    expect(labelRespondent(buildAnswersFile(buildAnswers(), { respondent }), 3, { showNames })).toBe(label);
  });

  it('leaves the role out on request, for a table that has a column for it', () => {
    const file = buildAnswersFile(buildAnswers(), { respondent: { name: 'Marie Dupont', role: 'benevole' } });
    expect(labelRespondent(file, 3, { showNames: true, withRole: false })).toBe('Marie Dupont');
  });
});

describe('role labels', () => {
  it('names every respondent role, in inclusive French', () => {
    expect(RESPONDENT_ROLES.map((role) => RESPONDENT_ROLE_LABELS[role])).toEqual([
      'Administrateur·rice',
      'Dirigeant·e salarié·e',
      'Salarié·e',
      'Bénévole',
      'Partenaire',
      'Autre',
    ]);
  });

  it('names the group roles, with a label for respondents who gave none', () => {
    expect(GROUP_ROLE_LABELS).toEqual({ ...RESPONDENT_ROLE_LABELS, unspecified: 'Rôle non précisé' });
  });
});
