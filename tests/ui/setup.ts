import '@testing-library/jest-dom/vitest';
// jsdom has no IndexedDB; the group is kept there (src/data/group-storage.ts).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { i18n, i18nReady } from '../../src/i18n/i18n';
import { NAMESPACES } from '../../src/i18n/languages';

// Every French catalogue loaded before the first test, so that a view never waits for its own.
beforeAll(async () => {
  await i18nReady;
  await i18n.loadNamespaces([...NAMESPACES]);
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  // Each test starts in French, whatever the one before chose.
  if (i18n.language !== 'fr') void i18n.changeLanguage('fr');
  // A fresh database for each test: a group saved by one test must not appear in the next.
  globalThis.indexedDB = new IDBFactory();
});
