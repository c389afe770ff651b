/**
 * The page's only eager script, kept tiny. index.html already shows the header and the welcome
 * page's heading and introduction (scripts/vite-plugin-static-shell.ts); this waits until the
 * browser has painted them, then fetches the app and starts it in stages.
 *
 * Why wait: before the paint, the network carries only the page and its stylesheet, so a slow
 * connection shows the words as soon as the stylesheet arrives; the app's JavaScript (about
 * 110 KB) follows. Why stages: React DOM, the app, the stored language's words and the first
 * render, each in its own task, leave the browser free to answer a tap between them, where one
 * evaluation of everything would block a slow phone for a few hundred milliseconds.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './i18n/languages';
import { readStoredLanguage } from './i18n/stored-language';
import { APP_CHUNKS_META_NAME } from './page-markers';
import { afterNextPaint, nextTask } from './scheduling';
import './ui/styles.css';
// The update banner's empty live region is in the prerendered page: its styles come with the page's.
import './pwa/update-banner.css';

/** Links added per task: each starts a request, about a millisecond of main thread on a slow phone. */
const LINKS_PER_TASK = 4;

/** Asks for every chunk of the app (the build lists them) before any is needed, so the staged imports below find them downloaded. */
async function fetchAppChunks(): Promise<void> {
  const listed = (document.querySelector(`meta[name="${APP_CHUNKS_META_NAME}"]`)?.getAttribute('content') ?? '').split(' ').filter(Boolean);
  for (let first = 0; first < listed.length; first += LINKS_PER_TASK) {
    if (first > 0) await nextTask();
    for (const address of listed.slice(first, first + LINKS_PER_TASK)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = address;
      document.head.append(link);
    }
  }
}

/**
 * The prerendered page shows its buttons and its file field before the app can answer them. What
 * the person does in that time (a button pressed with a mouse, a finger, Enter or Space; a file
 * chosen) is kept, and done again once the app runs: the app takes the page over with the same
 * elements, so it is the same button, and the field still holds the file. Links need nothing: the
 * address changes and the app opens there.
 */
function keepEarlyActions(): { stop: () => void; replay: () => void } {
  const actions: Array<() => void> = [];
  const keepPress = (event: MouseEvent) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button) actions.push(() => button.click());
  };
  const keepFile = (event: Event) => {
    const field = event.target;
    if (field instanceof HTMLInputElement && field.type === 'file') actions.push(() => field.dispatchEvent(new Event('change', { bubbles: true })));
  };
  document.addEventListener('click', keepPress, true);
  document.addEventListener('change', keepFile, true);
  return {
    // Called as React starts on the page: from then on React hears every event itself (a click
    // while it hydrates is hydrated and delivered by React), so keeping it too would do it twice.
    stop: () => {
      document.removeEventListener('click', keepPress, true);
      document.removeEventListener('change', keepFile, true);
    },
    // A page the app rebuilt (another language, another address) has none of these elements any
    // more: pressing a detached button does nothing.
    replay: () => {
      for (const action of actions.splice(0)) action();
    },
  };
}

async function start(root: HTMLElement, early: { stop: () => void; replay: () => void }): Promise<void> {
  await afterNextPaint();
  await fetchAppChunks();
  // Libraries alone first, one per task: none imports back into the app, so evaluating them
  // apart cannot meet the app's modules half-initialised (the app's own chunks may import each other).
  for (const evaluateLibrary of [() => import('react-dom/client'), () => import('i18next'), () => import('@tanstack/react-query')]) {
    await evaluateLibrary();
    await nextTask();
  }
  const { startApp } = await import('./start-app');
  await nextTask();
  await startApp(root, { beforeRender: early.stop, onReady: early.replay });
}

/** The failure's words, here rather than in the catalogues: they are needed when i18next could not be fetched. */
const LOAD_FAILURE_WORDS: Record<Language, { message: string; reload: string }> = {
  fr: { message: 'L’application n’a pas pu être chargée. Vérifiez la connexion, puis rechargez la page.', reload: 'Recharger la page' },
  en: { message: 'The application could not be loaded. Check the connection, then reload the page.', reload: 'Reload the page' },
};

/** The language chosen on this device, else the page's own (the app sets it once it runs). */
function readPageLanguage(): Language {
  const pageLanguage = document.documentElement.lang.split('-')[0];
  return readStoredLanguage() ?? (isLanguage(pageLanguage) ? pageLanguage : DEFAULT_LANGUAGE);
}

/** The app could not be fetched (network lost before it was ever stored): say so in the shell. */
function showLoadFailure(page: HTMLElement): void {
  const language = readPageLanguage();
  const words = LOAD_FAILURE_WORDS[language];
  const alert = document.createElement('div');
  // The page may still say French (prerendered): screen readers pronounce the words in their own language.
  alert.lang = language;
  alert.className = 'error-summary';
  alert.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = words.message;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button button-primary';
  reload.textContent = words.reload;
  reload.addEventListener('click', () => window.location.reload());
  alert.append(message, reload);
  (page.querySelector('main') ?? page).append(alert);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const earlyActions = keepEarlyActions();
start(root, earlyActions).catch((error: unknown) => {
  console.error(error);
  showLoadFailure(root);
});
