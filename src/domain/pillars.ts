import type { ScoredAreaId } from './questionnaire-schema';

/** French names of the scored areas, as the source names the three pillars. */
export const PILLAR_LABELS: Record<ScoredAreaId, string> = {
  project: 'Projet',
  'human-resources': 'Richesses humaines',
  'financial-resources': 'Ressources financières',
  'strategic-alliances': 'Alliances stratégiques',
};
