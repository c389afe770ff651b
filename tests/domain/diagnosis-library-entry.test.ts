import { buildDuplicateTitle, type DuplicateTitleWording } from '../../src/domain/diagnosis-library-entry';

const ENGLISH: DuplicateTitleWording = { named: (name) => `${name} (copy)`, unnamed: 'Copy' };

describe('buildDuplicateTitle', () => {
  it.each([
    ['a diagnosis named after its organisation, in French by default', { title: null, organisationName: 'Les Amis du Quartier' }, undefined, 'Les Amis du Quartier (copie)'],
    ['a diagnosis with a title of its own, in French by default', { title: 'Bilan 2026', organisationName: 'La Ruche' }, undefined, 'Bilan 2026 (copie)'],
    ['a diagnosis with no name at all, in French by default', { title: null, organisationName: '  ' }, undefined, 'Copie'],
    ['a diagnosis named after its organisation, in the wording given', { title: null, organisationName: 'Les Amis du Quartier' }, ENGLISH, 'Les Amis du Quartier (copy)'],
    ['a diagnosis with a title of its own (trimmed), in the wording given', { title: ' Bilan 2026 ', organisationName: 'La Ruche' }, ENGLISH, 'Bilan 2026 (copy)'],
    ['a diagnosis with no name at all, in the wording given', { title: null, organisationName: '' }, ENGLISH, 'Copy'],
  ])('titles the copy of %s', (_, entry, wording, expected) => {
    expect(buildDuplicateTitle(entry, wording)).toBe(expected);
  });
});
