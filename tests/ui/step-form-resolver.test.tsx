import type { ResolverOptions } from 'react-hook-form';
import { i18n } from '../../src/i18n/i18n';
import { buildStepResolver } from '../../src/ui/forms/step-form-schema';
import { toFormValues, type StepFormValues } from '../../src/ui/forms/answer-form-values';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';

const questionnaire = buildQuestionnaire();
const profile = questionnaire.steps.find((step) => step.id === 'profile')!;
const financial = questionnaire.steps.find((step) => step.id === 'financial-resources')!;
const options: ResolverOptions<StepFormValues> = { fields: {}, shouldUseNativeValidation: false };

describe('buildStepResolver', () => {
  it('gives the step’s answers when the form is valid', async () => {
    const answers = buildAnswers();
    const result = await buildStepResolver(questionnaire, financial, answers)(toFormValues(financial, answers), undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(Object.fromEntries(financial.questions.map((question) => [question.id, answers[question.id]])));
  });

  it('reports the domain’s message on each question in error, and no answers', async () => {
    const values = { ...toFormValues(financial, buildAnswers()), 'fin-shares': { subventions: '40', dons: '35', revenus: '5' } };
    const result = await buildStepResolver(questionnaire, financial, buildAnswers())(values, undefined, options);
    expect(result.values).toEqual({});
    expect(Object.keys(result.errors)).toEqual(['fin-shares']);
    expect(result.errors['fin-shares']).toMatchObject({ type: 'custom', message: expect.stringMatching(/100/) });
  });

  it('lists every required question left empty', async () => {
    const result = await buildStepResolver(questionnaire, profile, {})(toFormValues(profile, {}), undefined, options);
    const required = profile.questions.filter((question) => question.required && !question.showIf).map((question) => question.id);
    expect(Object.keys(result.errors).sort()).toEqual([...required].sort());
    for (const id of required) expect(result.errors[id]?.message).toMatch(/attend une réponse/);
  });

  it('says it in the interface language, read at each validation: a switch made since the step opened counts', async () => {
    const resolve = buildStepResolver(questionnaire, profile, {});
    const required = profile.questions.find((question) => question.required && !question.showIf)!.id;
    await i18n.changeLanguage('en');
    const inEnglish = await resolve(toFormValues(profile, {}), undefined, options);
    expect(inEnglish.errors[required]?.message).toBe('This question needs an answer.');
    await i18n.changeLanguage('fr');
    const inFrench = await resolve(toFormValues(profile, {}), undefined, options);
    expect(inFrench.errors[required]?.message).toBe('Cette question attend une réponse.');
  });
});
