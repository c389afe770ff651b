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
import { APP_CHUNKS_META_NAME } from './page-markers';
import './ui/styles.css';

/** Resolves just after the next frame is painted, or soon anyway in a tab that paints nothing. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const hiddenTabFallback = setTimeout(resolve, 200);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(hiddenTabFallback);
        resolve();
      }, 0),
    );
  });
}

/** Lets the browser run whatever waits (input, paint) before the next stage. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
 * The prerendered page shows its buttons before the app can answer them. A button pressed in
 * that time (a mouse, a finger, Enter or Space) is kept, and pressed again once the app runs:
 * the page keeps the same elements when the app takes it over, so it is the same button. Links
 * need nothing: the address changes and the app opens there.
 */
function keepEarlyPresses(): { replay: () => void } {
  let pressed: HTMLButtonElement | null = null;
  const keep = (event: MouseEvent) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button) pressed = button;
  };
  document.addEventListener('click', keep, true);
  return {
    replay: () => {
      document.removeEventListener('click', keep, true);
      // A page the app rebuilt (another language, another address) has no such button any more.
      if (pressed?.isConnected) pressed.click();
      pressed = null;
    },
  };
}

async function start(root: HTMLElement, onReady: () => void): Promise<void> {
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
  await startApp(root, onReady);
}

/** The app could not be fetched (network lost before it was ever stored): say so in the shell. */
function showLoadFailure(page: HTMLElement): void {
  const alert = document.createElement('div');
  alert.className = 'error-summary';
  alert.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = 'L’application n’a pas pu être chargée. Vérifiez la connexion, puis rechargez la page.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button button-primary';
  reload.textContent = 'Recharger la page';
  reload.addEventListener('click', () => window.location.reload());
  alert.append(message, reload);
  (page.querySelector('main') ?? page).append(alert);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const earlyPresses = keepEarlyPresses();
start(root, earlyPresses.replay).catch((error: unknown) => {
  console.error(error);
  showLoadFailure(root);
});
