import type { AnswersFile } from '../domain/answers';
import type { AnswerMessages } from '../domain/answer-messages';
import { addGroupMembers, selectGroupToJoin, type Group } from '../domain/group';
import type { GroupStorage } from './group-storage';

export type AddToStoredGroupOutcome =
  | { ok: true; group: Group; addedCount: number; rejected: { file: AnswersFile; reason: string }[] }
  | { ok: false; reason: 'unavailable' | 'quota' | 'corrupted' };

/** Member ids only need to be unique within a group; randomUUID is missing outside secure contexts (plain http). */
export function createMemberId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Adds diagnoses to the group kept on this device, creating it with the first diagnosis's
 * questionnaire. A corrupted group is never overwritten: the group view offers to recover it first.
 */
export async function addDiagnosesToStoredGroup(
  storage: GroupStorage,
  files: readonly [AnswersFile, ...AnswersFile[]],
  messages?: AnswerMessages,
): Promise<AddToStoredGroupOutcome> {
  const loaded = await storage.load();
  if (loaded.status === 'corrupted') return { ok: false, reason: 'corrupted' };
  if (loaded.status === 'unavailable') return { ok: false, reason: 'unavailable' };
  const current = selectGroupToJoin(loaded.status === 'found' ? loaded.group : null, files[0].questionnaire.id);
  const { group, added, rejected } = addGroupMembers(current, files, createMemberId, messages);
  if (added.length > 0) {
    const saved = await storage.save(group);
    if (!saved.ok) return { ok: false, reason: saved.reason };
  }
  return { ok: true, group, addedCount: added.length, rejected };
}
