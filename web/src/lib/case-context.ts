/** The open case, shared by every view: the case, its actor colours, and the analysis date and scenario. */
import { createContext, useContext } from 'react';
import type { Case, CaseDocument } from '../api/types.js';

export interface CaseContextValue {
  caseId: string;
  doc: CaseDocument;
  case: Case;
  colors: Map<string, string>;
  asOf: string | undefined;
  setAsOf: (d: string | undefined) => void;
  scenario: string | undefined;
  setScenario: (s: string | undefined) => void;
  reload: () => void;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const ctx = useContext(CaseContext);
  if (!ctx) throw new Error('useCase() outside a case');
  return ctx;
}

export function actorName(c: Case, id: string): string {
  return c.actors.find((a) => a.id === id)?.name ?? id;
}

export function issueName(c: Case, id: string): string {
  return c.issues.find((i) => i.id === id)?.name ?? id;
}
