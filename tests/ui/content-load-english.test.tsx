import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { createDiagnosisLibrary, type NewLibraryEntry } from '../../src/data/diagnosis-library';
import { questionnaireQueryOptions } from '../../src/data/questionnaire-queries';
import { createGroupStorage } from '../../src/data/group-storage';
import { addGroupMembers, createGroup } from '../../src/domain/group';
import { i18n } from '../../src/i18n/i18n';
import { GroupPage } from '../../src/ui/group/group-page';
import { ComparePage } from '../../src/ui/compare/compare-page';
import { ProjectionPage } from '../../src/ui/group/projection-page';
import { openSession } from '../../src/ui/session';
import { WizardLoader } from '../../src/ui/wizard-loader';
import { buildAnswers, buildAnswersFile, buildQuestionnaire } from '../domain/fixtures';

/** The questionnaire files cannot be fetched (the network dropped): the query fails at once, without retries. */
function renderOffline(children: ReactNode, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
  render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
}

async function storeGroupOf(questionnaireId: string) {
  const factory = new IDBFactory();
  const storage = createGroupStorage({ getIndexedDb: () => factory, openChannel: () => null });
  await storage.save(addGroupMembers(createGroup(questionnaireId), [buildAnswersFile({})], () => 'm1').group);
  return storage;
}

const OFFLINE_ENGLISH = 'The questionnaire “test-mse” could not be downloaded: check your connection.';

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a questionnaire that cannot be loaded, in English', () => {
  it('is explained in English where a diagnosis opens', async () => {
    renderOffline(
      <WizardLoader
        session={openSession({ questionnaireId: 'test-mse' })}
        library={createDiagnosisLibrary({ getIndexedDb: () => new IDBFactory(), openChannel: () => null })}
        workshop={null}
        controls={null}
        onRespondentChange={() => {}}
        onSaved={() => {}}
        onReload={() => {}}
        onNewDiagnosis={() => {}}
        onLeave={() => {}}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(OFFLINE_ENGLISH);
  });

  it('is explained in English in the group view', async () => {
    const storage = await storeGroupOf('test-mse');
    renderOffline(<GroupPage onBack={() => {}} onStartWorkshop={() => {}} storage={storage} />);
    expect(await screen.findByText(OFFLINE_ENGLISH)).toBeInTheDocument();
  });

  it('is explained in English on the projection screen', async () => {
    const storage = await storeGroupOf('test-mse');
    renderOffline(<ProjectionPage storage={storage} />);
    expect(await screen.findByText(OFFLINE_ENGLISH)).toBeInTheDocument();
  });

  it('is explained in English when two diagnoses are compared without the toolkit', async () => {
    const library = createDiagnosisLibrary({ getIndexedDb: () => new IDBFactory(), openChannel: () => null });
    const ids = [];
    for (const updatedAt of ['2025-11-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z']) {
      const entry: NewLibraryEntry = { title: null, organisationName: 'La Ruche', status: 'completed', completedAt: updatedAt, step: 'synthesis', previousId: null, file: buildAnswersFile(buildAnswers(), { updatedAt }) };
      const created = await library.create(entry);
      if (!created.ok) throw new Error(created.reason);
      ids.push(created.entry.id);
    }
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(questionnaireQueryOptions('test-mse', 'en').queryKey, buildQuestionnaire());
    renderOffline(<ComparePage library={library} olderId={ids[0]!} newerId={ids[1]!} onBack={() => {}} />, client);
    expect(await screen.findByRole('alert')).toHaveTextContent('The toolkit could not be downloaded: check your connection.');
  });
});
