import { z } from 'zod';
import { AnswersFileSchema } from '../../domain/answers';
import { isWizardStepState, type WizardStepState } from '../../domain/wizard-steps';
import { PENDING_SAVE_KEY } from './pending-save-slot';

export { clearPendingSave } from './pending-save-slot';

/**
 * The latest state of the open diagnosis, written synchronously to the tab's sessionStorage at
 * every change before the IndexedDB write starts. A reload (or a crash) in the middle of that
 * write would otherwise lose the last keystrokes; on reopening, this copy wins when it is there.
 */
const PendingSaveSchema = z.object({
  id: z.string().nullable(),
  /** The revision these changes were made on: a write in between by another tab shows as a conflict. */
  baseRevision: z.number().int().min(0),
  /**
   * The last-change dates of this tab's writes queued since `baseRevision` and not yet confirmed:
   * one of them landing after the reload is this tab's own write, not another tab's.
   */
  queuedWrites: z.array(z.string()).default([]),
  step: z.custom<WizardStepState>(isWizardStepState),
  file: AnswersFileSchema,
  previousId: z.string().nullable(),
  title: z.string().nullable(),
  status: z.enum(['in-progress', 'completed']),
  completedAt: z.string().nullable(),
});

export type PendingSave = z.input<typeof PendingSaveSchema>;
export type ReadPendingSave = z.infer<typeof PendingSaveSchema>;

export function writePendingSave(pending: PendingSave): void {
  try {
    window.sessionStorage.setItem(PENDING_SAVE_KEY, JSON.stringify(pending));
  } catch {
    // Storage refused or full: the IndexedDB write still runs, and its failure is told on the page.
  }
}

export function readPendingSave(): ReadPendingSave | null {
  try {
    const raw = window.sessionStorage.getItem(PENDING_SAVE_KEY);
    if (raw === null) return null;
    const parsed = PendingSaveSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
