import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareDiagnoses, type ComparedDiagnosis } from '../../src/domain/compare-diagnoses';
import { downloadReport } from '../../src/report/download-report';
import { CompareView } from '../../src/ui/compare/compare-view';
import { editDiagnosis, findToolkit, loadPersona } from '../domain/compare-fixtures';

// The PDF's libraries and fonts are not loaded in a component test: the click must only ask for the report.
vi.mock('../../src/report/download-report', () => ({
  downloadReport: vi.fn(() => Promise.resolve()),
  prepareReport: vi.fn(() => Promise.resolve()),
}));

const toolkit = findToolkit();
const [firstTool, secondTool] = toolkit.tools;

const older = editDiagnosis(loadPersona('association-sociale', 'complet'), {
  answers: { 'rh-roles': 'chacun-fait', 'fi-diversite': 'une-source' },
  pathProgress: { [firstTool!.id]: { status: 'done' } },
  updatedAt: '2026-06-01T10:00:00.000Z',
});
const newer = editDiagnosis(loadPersona('association-sociale', 'complet'), {
  pathProgress: { [firstTool!.id]: { status: 'done' }, [secondTool!.id]: { status: 'done' } },
  updatedAt: '2027-03-01T10:00:00.000Z',
});

function renderView(pair: { older: ComparedDiagnosis; newer: ComparedDiagnosis } = { older, newer }) {
  const onBack = vi.fn();
  render(<CompareView older={pair.older} newer={pair.newer} toolkit={toolkit} onBack={onBack} />);
  return { onBack };
}

/** A row's cells as a wide screen shows them (a phone also writes the column's name in each cell). */
function readRow(table: HTMLElement, label: string): string[] {
  const row = within(table).getByRole('rowheader', { name: label }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      for (const name of copy.querySelectorAll('.compare-cell-name')) name.remove();
      return copy.textContent ?? '';
    });
}

afterEach(() => vi.mocked(downloadReport).mockClear());

describe('CompareView', () => {
  it('titles the page with the older diagnosis’s date and the organisation, and focuses the title', () => {
    renderView();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Évolution depuis le 1er juin 2026 – Le Relais des Familles');
    expect(heading).toHaveFocus();
    expect(document.title).toContain('Le Relais des Familles');
  });

  it('shows each area before and after, with the change written, in a captioned table', () => {
    renderView();
    const comparison = compareDiagnoses(older, newer, toolkit);
    const table = screen.getByRole('table', { name: 'Score de chaque domaine avant et après, et son évolution' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Projet', 'Richesses humaines', 'Ressources financières', 'Alliances stratégiques']);
    for (const area of comparison.areas) {
      const [before, after, change] = readRow(table, area.label);
      expect(before).toBe(`${area.before.score} / 100${area.before.levelLabel}`);
      expect(after).toBe(`${area.after.score} / 100${area.after.levelLabel}`);
      expect(change).toBe(area.delta === 0 ? 'stable' : `+${area.delta}\u00a0points`);
    }
    // « Chacun fait ce qu’il peut » then « Des rôles définis et connus »: the human resources go up.
    expect(comparison.areas[1]!.delta).toBeGreaterThan(0);
  });

  it('shows every dimension grouped by area, and the chart’s text alternative', () => {
    renderView();
    const table = screen.getByRole('table', { name: /Score de chaque dimension/ });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Dimension',
      'Avant',
      'Après',
      'Évolution',
      'Projet',
      'Richesses humaines',
      'Ressources financières',
      'Alliances stratégiques',
    ]);
    const articulation = compareDiagnoses(older, newer, toolkit).dimensions.find((dimension) => dimension.id === 'rh-articulation')!;
    expect(readRow(table, articulation.label)[2]).toBe(`+${articulation.delta}\u00a0points`);
    // Both tables scroll inside their own box on a phone.
    expect(screen.getAllByRole('region', { name: /le tableau défile horizontalement/ })).toHaveLength(2);
  });

  it('lists the changed answers, before and after, by step', () => {
    renderView();
    const section = screen.getByRole('region', { name: 'Réponses modifiées' });
    expect(within(section).getByText('2 réponses ont changé depuis le diagnostic précédent.')).toBeInTheDocument();
    expect(within(section).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Richesses humaines', 'Ressources financières']);
    // French punctuation is bound with no-break spaces on screen; read as plain spaces here.
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/\u00a0/g, ' '))).toEqual([
      expect.stringMatching(/sont-ils clairs et complémentaires \?Avant : Chacun fait ce qu’il peutAprès : Des rôles définis et connus$/),
      expect.stringMatching(/Avant : Une source domine largementAprès : Deux sources principales$/),
    ]);
  });

  it('lists the path steps marked done since', () => {
    renderView();
    const section = screen.getByRole('region', { name: 'Étapes du parcours faites depuis' });
    expect(within(section).getAllByRole('listitem').map((item) => item.textContent?.replace(/\u00a0/g, ' '))).toEqual([secondTool!.title]);
  });

  it('downloads the newer diagnosis’s report with its evolution section', async () => {
    renderView();
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger le rapport avec l’évolution (PDF)' }));
    expect(downloadReport).toHaveBeenCalledTimes(1);
    const input = vi.mocked(downloadReport).mock.calls[0]![0];
    expect(input.questionnaire).toBe(newer.questionnaire);
    expect(input.file).toBe(newer.file);
    expect(input.toolkit).toBe(toolkit);
    expect(input.evolution?.older).toBe(older);
    expect(input.diagnosis.pillars.map((pillar) => pillar.score)).toEqual(compareDiagnoses(older, newer, toolkit).areas.slice(1).map((area) => area.after.score));
    expect(await screen.findByText('Le rapport PDF a été téléchargé.')).toBeInTheDocument();
  });

  it('says when the download fails', async () => {
    vi.mocked(downloadReport).mockRejectedValueOnce(new Error('hors ligne'));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderView();
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger le rapport avec l’évolution (PDF)' }));
    expect(await screen.findByText(/n’a pas pu être préparé/)).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('goes back with « Retour »', async () => {
    const { onBack } = renderView();
    const [top, bottom] = screen.getAllByRole('button', { name: 'Retour' });
    await userEvent.click(top!);
    await userEvent.click(bottom!);
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('says when an express diagnosis is compared with a complete one, and which questions were not asked', () => {
    renderView({ older: loadPersona('club-sportif', 'express'), newer: loadPersona('club-sportif', 'complet') });
    expect(screen.getByText(/questionnaire « Diagnostic express », celui-ci avec « Diagnostic complet »/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Score de chaque dimension/ });
    expect(readRow(table, 'Pilotage financier')).toEqual(['Hors questionnaire', expect.stringMatching(/ \/ 100/), 'non comparable']);
    expect(within(screen.getByRole('region', { name: 'Réponses modifiées' })).getAllByText(/Question non posée/).length).toBeGreaterThan(0);
  });
});
