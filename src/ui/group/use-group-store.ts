import { useCallback, useEffect, useRef, useState } from 'react';
import type { Group } from '../../domain/group';
import type { GroupCorruption, GroupStorage } from '../../data/group-storage';

export type GroupStoreState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'found'; group: Group }
  | { status: 'corrupted'; raw: string; reason: GroupCorruption };

/** Whether the last change reached the device: when it did not, the group lives only in this page. */
export type GroupPersistence = 'saved' | 'unavailable' | 'quota';

export interface GroupStore {
  state: GroupStoreState;
  persistence: GroupPersistence;
  /** Applies a change at once on screen, then saves it; the change receives the latest group. */
  update: (change: (group: Group | null) => Group) => Promise<Group>;
  clear: () => Promise<void>;
}

/**
 * The group of this device, read from storage and read again whenever another window or tab
 * changes it (the projection view follows the facilitator's page this way).
 */
export function useGroupStore(storage: GroupStorage): GroupStore {
  const [state, setState] = useState<GroupStoreState>({ status: 'loading' });
  const [persistence, setPersistence] = useState<GroupPersistence>('saved');
  const groupRef = useRef<Group | null>(null);
  // A read that started before a local change must not bring back what the change replaced.
  const changeCount = useRef(0);

  const show = useCallback((next: GroupStoreState) => {
    groupRef.current = next.status === 'found' ? next.group : null;
    setState(next);
  }, []);

  useEffect(() => {
    let isActive = true;
    const reload = async () => {
      const changesBefore = changeCount.current;
      const result = await storage.load().catch(() => ({ status: 'unavailable' }) as const);
      if (!isActive || changesBefore !== changeCount.current) return;
      if (result.status === 'unavailable') {
        // Nothing can be read: what this page holds in memory is all there is.
        setPersistence('unavailable');
        if (groupRef.current === null) show({ status: 'none' });
        return;
      }
      show(result.status === 'found' ? { status: 'found', group: result.group } : result);
    };
    void reload();
    const unsubscribe = storage.subscribe(() => void reload());
    return () => {
      isActive = false;
      unsubscribe();
    };
  }, [storage, show]);

  const update = useCallback(
    async (change: (group: Group | null) => Group) => {
      const next = change(groupRef.current);
      changeCount.current++;
      show({ status: 'found', group: next });
      const result = await storage.save(next).catch(() => ({ ok: false, reason: 'unavailable' }) as const);
      setPersistence(result.ok ? 'saved' : result.reason);
      return next;
    },
    [storage, show],
  );

  const clear = useCallback(async () => {
    changeCount.current++;
    show({ status: 'none' });
    await storage.clear().catch(() => undefined);
  }, [storage, show]);

  return { state, persistence, update, clear };
}
