import '@testing-library/jest-dom/vitest';
// jsdom has no IndexedDB; the group is kept there (src/data/group-storage.ts).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  // A fresh database for each test: a group saved by one test must not appear in the next.
  globalThis.indexedDB = new IDBFactory();
});
