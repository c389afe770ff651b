import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../src/i18n/stored-language';

// The app's chunks cannot be fetched: the entry script's dynamic import of the app fails.
vi.mock('../../src/start-app', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

/** Runs the entry script on a page like the prerendered one, and waits for its failure message. */
async function startEntryScript(): Promise<HTMLElement> {
  document.body.innerHTML = '<div id="root"><main id="main"></main></div>';
  vi.resetModules();
  await import('../../src/main');
  return screen.findByRole('alert', {}, { timeout: 3_000 });
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.documentElement.lang = 'fr';
});

describe('the entry script, when the app cannot be fetched', () => {
  it('says so in French by default, with a button to reload', async () => {
    const alert = await startEntryScript();
    expect(alert).toHaveTextContent('L’application n’a pas pu être chargée. Vérifiez la connexion, puis rechargez la page.');
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeInTheDocument();
  });

  it('says so in English when English is the language chosen on this device', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const alert = await startEntryScript();
    expect(alert).toHaveTextContent('The application could not be loaded. Check the connection, then reload the page.');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });

  it('follows the page’s language when storage refuses to be read', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    document.documentElement.lang = 'en';
    const alert = await startEntryScript();
    expect(alert).toHaveTextContent('The application could not be loaded.');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });
});
