import { createContext, useContext } from 'react';

export interface DiagnosisDates {
  /** When this diagnosis was started (ISO 8601), kept across reloads and exports. */
  createdAt: string;
}

export const DiagnosisDatesContext = createContext<DiagnosisDates | null>(null);

export function useDiagnosisDates(): DiagnosisDates {
  const dates = useContext(DiagnosisDatesContext);
  if (!dates) throw new Error('useDiagnosisDates needs a DiagnosisDatesContext provider');
  return dates;
}
