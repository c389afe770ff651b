import { createContext, useContext } from 'react';
import type { ComparedDiagnosis } from '../../domain/compare-diagnoses';

/** What the synthesis can do with the library around the open diagnosis (absent outside the app). */
export interface OpenDiagnosisControls {
  /** The diagnosis this one redoes, when it is still in the library. */
  previous: { id: string; updatedAt: string } | null;
  /** The previous diagnosis read with today's questionnaire, for the report's « Évolution depuis le … ». */
  loadPrevious: () => Promise<ComparedDiagnosis | null>;
  onRedo: () => void;
  onCompareWithPrevious: () => void;
}

export const OpenDiagnosisContext = createContext<OpenDiagnosisControls | null>(null);

export function useOpenDiagnosisControls(): OpenDiagnosisControls | null {
  return useContext(OpenDiagnosisContext);
}
