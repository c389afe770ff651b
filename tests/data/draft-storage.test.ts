import { createAnswersFile } from '../../src/domain/answers';
import { DRAFT_STORAGE_KEY, createDraftStorage } from '../../src/data/draft-storage';
import { buildAnswers, buildQuestionnaire } from '../domain/fixtures';
import { MemoryStorage } from './memory-storage';

const questionnaire = buildQuestionnaire();
const draft = {
  step: 'humanResources' as const,
  file: createAnswersFile(questionnaire, buildAnswers(), new Date('2026-11-22T10:00:00Z')),
  organisationName: 'Les Amis du Quartier',
};

describe('draft storage', () => {
  it('gives back exactly what was saved', () => {
    const memory = new MemoryStorage();
    const storage = createDraftStorage(() => memory);
    expect(storage.save(draft)).toEqual({ ok: true });
    expect(storage.load()).toEqual({ status: 'found', draft });
  });

  it('says when nothing was saved', () => {
    expect(createDraftStorage(() => new MemoryStorage()).load()).toEqual({ status: 'none' });
  });

  it.each([
    ['not JSON', '{"version": 1, "step":'],
    ['an unknown step', JSON.stringify({ version: 1, step: 'step9', file: draft.file })],
    ['a newer record version', JSON.stringify({ version: 99, step: 'profile', file: draft.file })],
    ['a broken answers file', JSON.stringify({ version: 1, step: 'profile', file: { ...draft.file, format: 'other' } })],
  ])('reports a corrupted save (%s) and keeps its raw text', (_, raw) => {
    const memory = new MemoryStorage();
    memory.setItem(DRAFT_STORAGE_KEY, raw);
    expect(createDraftStorage(() => memory).load()).toEqual({ status: 'corrupted', raw });
  });

  it('reports storage that cannot be opened (private browsing)', () => {
    const storage = createDraftStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(storage.load()).toEqual({ status: 'unavailable' });
    expect(storage.save(draft)).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('reports a full storage as such', () => {
    const memory = new MemoryStorage();
    memory.failWith = new DOMException('full', 'QuotaExceededError');
    expect(createDraftStorage(() => memory).save(draft)).toEqual({ ok: false, reason: 'quota' });
  });

  it('clears the saved diagnosis', () => {
    const memory = new MemoryStorage();
    const storage = createDraftStorage(() => memory);
    storage.save(draft);
    storage.clear();
    expect(storage.load()).toEqual({ status: 'none' });
  });
});
