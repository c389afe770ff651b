import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createGroupStorage } from '../../src/data/group-storage';
import { questionnaireQueryOptions } from '../../src/data/questionnaire-queries';
import { parseAnswersFile } from '../../src/domain/answers-file';
import { addGroupMembers, aggregateGroup, createGroup, selectLeastConsensus } from '../../src/domain/group';
import { QuestionnaireSchema } from '../../src/domain/questionnaire-schema';
import { ProjectionPage } from '../../src/ui/group/projection-page';

const questionnaire = QuestionnaireSchema.parse(parse(readFileSync(path.join(process.cwd(), 'questionnaires', 'diagnostic-express.yaml'), 'utf8')));
const files = ['club-sportif-express', 'association-sociale-express', 'federation-regionale-express'].map((name) => {
  const parsed = parseAnswersFile(JSON.parse(readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.file;
});

function renderProjection(factory: IDBFactory) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(questionnaireQueryOptions(questionnaire.id).queryKey, questionnaire);
  render(
    <QueryClientProvider client={queryClient}>
      <ProjectionPage storage={createGroupStorage({ getIndexedDb: () => factory })} />
    </QueryClientProvider>,
  );
}

describe('projection page', () => {
  it('follows the group live when another window saves it', async () => {
    const factory = new IDBFactory();
    // The facilitator's window: its own storage instance on the same database.
    const facilitator = createGroupStorage({ getIndexedDb: () => factory });
    renderProjection(factory);
    expect(await screen.findByText('En attente des premières réponses…')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Retour' })).toHaveAttribute('href', '#/groupe');

    let next = 0;
    const createId = () => `member-${++next}`;
    const twoMembers = addGroupMembers(createGroup(questionnaire.id), files.slice(0, 2), createId).group;
    await facilitator.save(twoMembers);
    expect(await screen.findByText('2 répondant·es')).toBeInTheDocument();

    await facilitator.save(addGroupMembers(twoMembers, files.slice(2), createId).group);
    expect(await screen.findByText('3 répondant·es')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Répartition par rôle' })).toHaveTextContent('Administrateur·rice : 3');

    await facilitator.clear();
    expect(await screen.findByText('En attente des premières réponses…')).toBeInTheDocument();
  });

  it('shows each area with its mean and written level counts, and the three zones of least consensus', async () => {
    const factory = new IDBFactory();
    await createGroupStorage({ getIndexedDb: () => factory }).save(addGroupMembers(createGroup(questionnaire.id), files, () => crypto.randomUUID()).group);
    renderProjection(factory);
    const aggregate = aggregateGroup(questionnaire, files);

    const areas = await screen.findByRole('region', { name: 'Niveaux par domaine' });
    for (const area of aggregate.areas) {
      const item = within(areas).getByRole('heading', { name: new RegExp(`^${area.label}`) }).closest('li')!;
      expect(item).toHaveTextContent(area.mean === null ? 'pas de score' : `moyenne ${Math.round(area.mean)} / 100`);
      for (const level of area.distribution.filter((entry) => entry.count > 0)) expect(item).toHaveTextContent(`${level.label} : ${level.count}`);
    }

    const leastConsensus = screen.getByRole('region', { name: 'Où les avis divergent le plus' });
    const expected = selectLeastConsensus(aggregate, 3);
    expect(within(leastConsensus).getAllByRole('heading', { level: 3 })).toHaveLength(expected.length);
  });

  describe('on a screen too short for every question', () => {
    /** A pretend layout: each question 250 px tall under the areas' column, which ends at 670 px. */
    function layOut({ screenHeight, sideBySide }: { screenHeight: () => number; sideBySide: boolean }) {
      const questionsBottom = () => 150 + 250 * document.querySelectorAll('.projection-questions > li').length;
      const areasBottom = 670;
      const box = (top: number, bottom: number) => ({ top, bottom, left: 0, right: 600, width: 600, height: bottom - top, x: 0, y: top, toJSON: () => ({}) });
      vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
        if (this.classList.contains('projection-areas')) return box(150, areasBottom);
        if (this.classList.contains('projection-questions')) return sideBySide ? box(150, questionsBottom()) : box(areasBottom + 50, areasBottom + questionsBottom());
        return box(0, 0);
      });
      vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
        return this.classList.contains('projection') ? screenHeight() : 0;
      });
      vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
        if (!this.classList.contains('projection')) return 0;
        const bottom = sideBySide ? Math.max(areasBottom, questionsBottom()) : areasBottom + questionsBottom();
        return Math.max(bottom + 20, screenHeight());
      });
    }

    afterEach(() => {
      vi.restoreAllMocks();
    });

    async function renderSaved() {
      const factory = new IDBFactory();
      await createGroupStorage({ getIndexedDb: () => factory }).save(addGroupMembers(createGroup(questionnaire.id), files, () => crypto.randomUUID()).group);
      renderProjection(factory);
      return screen.findByRole('region', { name: 'Où les avis divergent le plus' });
    }

    it('shows fewer questions rather than smaller type, and all of them again once the window is tall enough', async () => {
      let screenHeight = 720;
      layOut({ screenHeight: () => screenHeight, sideBySide: true });
      const leastConsensus = await renderSaved();
      const expected = selectLeastConsensus(aggregateGroup(questionnaire, files), 3);
      expect(expected).toHaveLength(3);
      // 150 + 3 × 250 + 20 overflows 720 px; 150 + 2 × 250 + 20 fits.
      const flatten = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
      expect(within(leastConsensus).getAllByRole('heading', { level: 3 }).map((heading) => flatten(heading.textContent))).toEqual(
        expected.slice(0, 2).map((question) => flatten(question.label)),
      );

      screenHeight = 950;
      const innerHeight = window.innerHeight;
      window.innerHeight = 950;
      await act(async () => {
        window.dispatchEvent(new Event('resize'));
      });
      window.innerHeight = innerHeight;
      expect(within(leastConsensus).getAllByRole('heading', { level: 3 })).toHaveLength(3);
    });

    it('keeps every question when the columns are stacked and the page scrolls anyway', async () => {
      layOut({ screenHeight: () => 720, sideBySide: false });
      const leastConsensus = await renderSaved();
      expect(within(leastConsensus).getAllByRole('heading', { level: 3 })).toHaveLength(3);
    });
  });
});
