import type { ScoredAreaId } from './questionnaire-schema';

/** The name of each scored area in one language. */
export type PillarLabels = Readonly<Record<ScoredAreaId, string>>;

/** French names of the scored areas, as the source names the three pillars (the default wherever a label is written). */
export const PILLAR_LABELS: PillarLabels = {
  project: 'Projet',
  'human-resources': 'Richesses humaines',
  'financial-resources': 'Ressources financières',
  'strategic-alliances': 'Alliances stratégiques',
};
