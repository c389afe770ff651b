/**
 * Grouping a library of diagnoses by organisation. Pure: the library's storage lives in
 * src/data; this only decides which diagnoses belong together and in what order they show.
 */

/** What grouping needs of a diagnosis in the library. */
export interface GroupableDiagnosis {
  id: string;
  organisationName: string;
  status: 'in-progress' | 'completed';
  file: { updatedAt: string };
}

export interface OrganisationGroup<Entry extends GroupableDiagnosis> {
  key: string;
  /** The name as written in the most recent diagnosis (empty when none has a name). */
  organisationName: string;
  /** Most recent first. */
  entries: Entry[];
}

/**
 * Two spellings of one name ("Les Amis du Quartier", "les amis du  quartier ") are one
 * organisation: case, accents, punctuation and spacing do not count.
 */
export function organisationKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr-FR')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Dates may carry different offsets: compared as instants, not as text.
function byMostRecent(a: GroupableDiagnosis, b: GroupableDiagnosis): number {
  return Date.parse(b.file.updatedAt) - Date.parse(a.file.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Organisations with their diagnoses, the organisation changed most recently first. */
export function groupByOrganisation<Entry extends GroupableDiagnosis>(entries: readonly Entry[]): OrganisationGroup<Entry>[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of [...entries].sort(byMostRecent)) {
    const key = organisationKey(entry.organisationName);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([key, grouped]) => ({
    key,
    organisationName: grouped.find((entry) => entry.organisationName.trim() !== '')?.organisationName.trim() ?? '',
    entries: grouped,
  }));
}

/** The diagnosis « Refaire le diagnostic » starts from: the latest completed one, else the latest. */
export function selectRedoSource<Entry extends GroupableDiagnosis>(group: OrganisationGroup<Entry>): Entry {
  const [latest] = group.entries;
  if (!latest) throw new Error('An organisation group has at least one diagnosis');
  return group.entries.find((entry) => entry.status === 'completed') ?? latest;
}

/** The pair offered for comparison by default: the two most recent diagnoses, older first. */
export function selectDefaultComparison<Entry extends GroupableDiagnosis>(group: OrganisationGroup<Entry>): { older: Entry; newer: Entry } | null {
  const [newer, older] = group.entries;
  return newer && older ? { older, newer } : null;
}
