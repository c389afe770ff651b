import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ComponentProps } from 'react';
import type { DiagnosisLibrary } from '../../src/data/diagnosis-library';
import { questionnaireIndexQueryOptions, questionnaireQueryOptions, toolkitQueryOptions } from '../../src/data/questionnaire-queries';
import type { Questionnaire } from '../../src/domain/questionnaire-schema';
import { App } from '../../src/ui/app';
import { buildFullToolkitTools, buildQuestionnaire, buildToolkit } from '../domain/fixtures';

const defaultQuestionnaire = buildQuestionnaire();

export interface RenderAppOptions extends Omit<ComponentProps<typeof App>, 'library'> {
  /** The address the page opens on. */
  hash?: string;
  /** The diagnosis open in this tab, as it keeps it for a reload. */
  openId?: string;
  /** The questionnaire already loaded (and listed in the index). */
  questionnaire?: Questionnaire;
  /** False leaves the questionnaire index to the app's own fetch. */
  withIndex?: boolean;
}

/** Renders the whole app on `library`, with the questionnaire, the full toolkit and the questionnaire index already loaded. */
export function renderApp(library: DiagnosisLibrary, { hash = '#/', openId, questionnaire = defaultQuestionnaire, withIndex = true, ...appProps }: RenderAppOptions = {}) {
  window.history.replaceState(null, '', hash);
  if (openId) window.sessionStorage.setItem('trajectoires.ouvert', openId);
  const queryClient = new QueryClient();
  queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id).queryKey, questionnaire);
  queryClient.setQueryData(toolkitQueryOptions().queryKey, buildToolkit(buildFullToolkitTools()));
  if (withIndex) {
    queryClient.setQueryData(questionnaireIndexQueryOptions.queryKey, [
      { id: questionnaire.id, version: questionnaire.version, title: 'Diagnostic de test', durationMinutes: 10, locale: 'fr-FR' },
    ]);
  }
  render(
    <QueryClientProvider client={queryClient}>
      <App library={library} {...appProps} />
    </QueryClientProvider>,
  );
}
