import { groupByOrganisation, organisationKey, selectDefaultComparison, selectRedoSource, type GroupableDiagnosis } from '../../src/domain/library-groups';

function diagnosis(id: string, organisationName: string, updatedAt: string, status: GroupableDiagnosis['status'] = 'completed'): GroupableDiagnosis {
  return { id, organisationName, status, file: { updatedAt } };
}

describe('organisationKey', () => {
  it.each([
    ['Les Amis du Quartier', 'les amis du quartier'],
    ['  les   AMIS du quartier ', 'les amis du quartier'],
    ['Les Amis du Quartier !', 'les amis du quartier'],
    ['Éveil & Découverte', 'eveil decouverte'],
    ['L’Œuvre', 'l œuvre'],
    ['', ''],
  ])('%j → %j', (name, key) => {
    expect(organisationKey(name)).toBe(key);
  });
});

describe('groupByOrganisation', () => {
  it('puts spellings of one name together, most recent organisation and diagnosis first', () => {
    const groups = groupByOrganisation([
      diagnosis('a', 'La Ruche', '2025-01-10T10:00:00Z'),
      diagnosis('b', 'Les Amis', '2026-05-01T10:00:00Z'),
      diagnosis('c', 'la ruche ', '2026-06-01T10:00:00Z'),
      diagnosis('d', '', '2024-01-01T10:00:00Z'),
    ]);
    expect(groups.map((group) => [group.organisationName, group.entries.map((entry) => entry.id)])).toEqual([
      ['la ruche', ['c', 'a']],
      ['Les Amis', ['b']],
      ['', ['d']],
    ]);
  });

  it('compares dates as instants, whatever their offset', () => {
    const [group] = groupByOrganisation([diagnosis('paris', 'X', '2026-01-01T10:30:00+01:00'), diagnosis('utc', 'X', '2026-01-01T09:45:00Z')]);
    expect(group?.entries.map((entry) => entry.id)).toEqual(['utc', 'paris']);
  });

  it('keeps every diagnosis exactly once', () => {
    const entries = Array.from({ length: 50 }, (_, index) => diagnosis(`d${index}`, `Organisation ${index % 7}`, new Date(Date.UTC(2026, 0, 1 + index)).toISOString()));
    const groups = groupByOrganisation(entries);
    expect(groups).toHaveLength(7);
    expect(groups.flatMap((group) => group.entries.map((entry) => entry.id)).sort()).toEqual(entries.map((entry) => entry.id).sort());
  });
});

describe('what « Refaire » and « Comparer » start from', () => {
  const [group] = groupByOrganisation([
    diagnosis('2024', 'La Ruche', '2024-11-01T10:00:00Z'),
    diagnosis('2025', 'La Ruche', '2025-11-01T10:00:00Z'),
    diagnosis('2026-draft', 'La Ruche', '2026-11-01T10:00:00Z', 'in-progress'),
  ]);

  it('redoes the latest completed diagnosis rather than a draft', () => {
    expect(selectRedoSource(group!).id).toBe('2025');
  });

  it('redoes the latest one when none is completed', () => {
    const [drafts] = groupByOrganisation([diagnosis('x', 'A', '2024-01-01T10:00:00Z', 'in-progress'), diagnosis('y', 'A', '2025-01-01T10:00:00Z', 'in-progress')]);
    expect(selectRedoSource(drafts!).id).toBe('y');
  });

  it('compares the two most recent, older first, and nothing with a single diagnosis', () => {
    expect(selectDefaultComparison(group!)).toMatchObject({ older: { id: '2025' }, newer: { id: '2026-draft' } });
    const [single] = groupByOrganisation([diagnosis('only', 'B', '2025-01-01T10:00:00Z')]);
    expect(selectDefaultComparison(single!)).toBeNull();
  });
});
