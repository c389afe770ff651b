import { useSyncExternalStore } from 'react';
import { getUpdateWatcher } from './service-worker-updates';

export interface PwaUpdate {
  updateAvailable: boolean;
  /** Returns a cancel, effective until the waiting worker has been told (UpdateWatcher.applyUpdate). */
  applyUpdate(): () => void;
}

export function usePwaUpdate(): PwaUpdate {
  const watcher = getUpdateWatcher();
  const updateAvailable = useSyncExternalStore(watcher.subscribe, watcher.isUpdateAvailable, () => false);
  return { updateAvailable, applyUpdate: watcher.applyUpdate };
}
