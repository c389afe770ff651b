import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WizardActorContext } from '../../src/machine/wizard-actor-context';
import { WizardShell } from '../../src/ui/wizard/wizard-shell';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();

function renderWizard(answers = {}) {
  return render(
    <WizardActorContext.Provider options={{ input: { questionnaire, answers } }}>
      <WizardShell onNewDiagnosis={() => {}} />
    </WizardActorContext.Provider>,
  );
}

describe('question step', () => {
  it('shows the progress and the step title as the page heading', () => {
    renderWizard();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Étape 1 sur 7');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Profil');
  });

  it('lists every missing answer in a focused summary and beside each field', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole('link')).toHaveLength(3);
    const nameField = screen.getByRole('textbox', { name: /Nom de la structure/ });
    expect(nameField).toHaveAttribute('aria-invalid', 'true');
    expect(nameField).toHaveAccessibleDescription(/attend une réponse/);
  });

  it('moves focus to the field when its entry in the summary is followed', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    await user.click(within(await screen.findByRole('alert')).getByRole('link', { name: /Nom de la structure/ }));
    expect(screen.getByRole('textbox', { name: /Nom de la structure/ })).toHaveFocus();
  });

  it('says what is wrong with a number out of range', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.type(screen.getByRole('textbox', { name: /Nombre de bénévoles/ }), '5000');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByRole('textbox', { name: /Nombre de bénévoles/ })).toHaveAccessibleDescription(/entre 0 et 1000/);
  });

  it('renders a rubric question as a radio group with described levels and its reserved answers', async () => {
    const user = userEvent.setup();
    renderWizard(buildAnswers());
    // The fixture's answers are complete: the stepper opens the human-resources step.
    await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
    const group = screen.getByRole('group', { name: /^Question hr-training/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['l1', 'l2', 'l3', 'l4', 'not-applicable', 'dont-know']);
    expect(within(group).getByRole('radio', { name: /Niveau 2.*Description 2/ })).toBeChecked();
  });

  it('goes to the next step once the required answers are given', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.type(screen.getByRole('textbox', { name: /Nom de la structure/ }), 'Les Amis');
    await user.click(screen.getByRole('radio', { name: 'Oui' }));
    await user.type(screen.getByRole('textbox', { name: /Nombre de bénévoles/ }), '12');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Étape 2 sur 7');
  });

  it('shows a conditional question only when its condition holds', async () => {
    const user = userEvent.setup();
    renderWizard(buildAnswers({ 'has-staff': 'non' }));
    await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
    expect(screen.queryByRole('group', { name: /^Question hr-staff-skills/ })).toBeNull();
    expect(screen.getByRole('group', { name: /^Question hr-training/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Profil/ }));
    await user.click(screen.getByRole('radio', { name: 'Oui' }));
    await user.click(screen.getByRole('button', { name: /Richesses humaines/ }));
    expect(screen.getByRole('group', { name: /^Question hr-staff-skills/ })).toBeInTheDocument();
  });

  it('keeps a running total of the shares', async () => {
    const user = userEvent.setup();
    renderWizard(buildAnswers({ 'fin-shares': {} as never }));
    await user.click(screen.getByRole('button', { name: /Ressources financières/ }));
    const subventions = screen.getByRole('textbox', { name: 'Subventions' });
    await user.clear(subventions);
    await user.type(subventions, '62,5');
    expect(screen.getByText(/Total : 62,5 %/)).toBeInTheDocument();
    expect(screen.getByText(/il reste 37,5 % à répartir/)).toBeInTheDocument();
  });
});
