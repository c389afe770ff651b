import { useTranslation } from 'react-i18next';
import { RESPONDENT_ROLES, type AnswersFile, type RespondentRole } from '../../domain/answers';

type Respondent = AnswersFile['respondent'];

const NAME_MAX_LENGTH = 200;

function isRespondentRole(value: string): value is RespondentRole {
  return (RESPONDENT_ROLES as readonly string[]).includes(value);
}

/**
 * Who is answering: optional, outside the questionnaire (it is not part of the organisation's
 * answers), saved with the diagnosis so that the group view can compare roles.
 */
export function RespondentFields({ respondent, onChange }: { respondent: Respondent; onChange: (respondent: Respondent) => void }) {
  const { t } = useTranslation();
  const update = (name: string, role: string) => {
    const trimmedName = name.slice(0, NAME_MAX_LENGTH);
    onChange({ ...(trimmedName.trim() ? { name: trimmedName } : {}), ...(isRespondentRole(role) ? { role } : {}) });
  };
  return (
    <fieldset className="card respondent-fields">
      <legend className="field-label">
        {t('wizard.respondentHeading')} <span className="optional">{t('wizard.optional')}</span>
      </legend>
      <p className="field-help" id="respondent-help">
        {t('wizard.respondentHelp')}
      </p>
      <div className="respondent-row">
        <div className="field">
          <label className="field-label" htmlFor="respondent-name">
            {t('wizard.respondentName')}
          </label>
          <input
            id="respondent-name"
            type="text"
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH}
            aria-describedby="respondent-help"
            value={respondent.name ?? ''}
            onChange={(event) => update(event.target.value, respondent.role ?? '')}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="respondent-role">
            {t('wizard.respondentRole')}
          </label>
          <select id="respondent-role" value={respondent.role ?? ''} onChange={(event) => update(respondent.name ?? '', event.target.value)}>
            <option value="">{t('wizard.respondentRoleNone')}</option>
            {RESPONDENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
