import { RESPONDENT_ROLES, type AnswersFile, type RespondentRole } from '../../domain/answers';
import { RESPONDENT_ROLE_LABELS } from '../../domain/respondents';
import { messages } from '../messages';

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
  const update = (name: string, role: string) => {
    const trimmedName = name.slice(0, NAME_MAX_LENGTH);
    onChange({ ...(trimmedName.trim() ? { name: trimmedName } : {}), ...(isRespondentRole(role) ? { role } : {}) });
  };
  return (
    <fieldset className="card respondent-fields">
      <legend className="field-label">
        {messages.wizard.respondentHeading} <span className="optional">{messages.wizard.optional}</span>
      </legend>
      <p className="field-help" id="respondent-help">
        {messages.wizard.respondentHelp}
      </p>
      <div className="respondent-row">
        <div className="field">
          <label className="field-label" htmlFor="respondent-name">
            {messages.wizard.respondentName}
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
            {messages.wizard.respondentRole}
          </label>
          <select id="respondent-role" value={respondent.role ?? ''} onChange={(event) => update(respondent.name ?? '', event.target.value)}>
            <option value="">{messages.wizard.respondentRoleNone}</option>
            {RESPONDENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {RESPONDENT_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
