import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, startTransition, useEffect, useRef } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { currentLanguage, i18nReady } from './i18n/i18n';
import { DEFAULT_LANGUAGE } from './i18n/languages';
import { PRERENDERED_WELCOME } from './page-markers';
import { App, opensOnWelcomePage } from './ui/app';
import { AppErrorBoundary } from './ui/error-page';
import { LanguageSwitcher } from './ui/language-switcher';
import { ACCESSIBILITY_HASH, DATA_HASH } from './ui/routes';
import { nextTask } from './scheduling';

function Page() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <p className="brand">
          <span className="brand-name">{t('appName')}</span>
          <span className="brand-tagline">{t('appTagline')}</span>
        </p>
        <LanguageSwitcher />
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <App />
      </main>
      <footer className="site-footer">
        <p>{t('footer.privacy')}</p>
        <ul className="footer-links">
          <li><a href={DATA_HASH}>{t('footer.data')}</a></li>
          <li><a href={ACCESSIBILITY_HASH}>{t('footer.accessibility')}</a></li>
        </ul>
      </footer>
    </>
  );
}

/** Calls `onReady` once, after the app's first render is on the page (hydrated or rendered), its handlers attached. */
function ReadySignal({ onReady }: { onReady?: () => void }) {
  const called = useRef(false);
  useEffect(() => {
    if (called.current) return;
    called.current = true;
    onReady?.();
  }, [onReady]);
  return null;
}

/** The whole app: the browser renders it, the build prerenders its French welcome page (src/prerender.tsx). */
export function AppRoot({ queryClient, onReady }: { queryClient: QueryClient; onReady?: () => void }) {
  return (
    <StrictMode>
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={null}>
            <Page />
            <ReadySignal onReady={onReady} />
          </Suspense>
        </QueryClientProvider>
      </AppErrorBoundary>
    </StrictMode>
  );
}

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

/**
 * Starts the app over the page index.html painted (src/main.tsx calls it once that is on screen),
 * once the stored language's words are ready (French is in the first load). When the page is the
 * build's French welcome page and the app opens on it, React takes it over as it is (hydrates):
 * no second layout, nothing replaced under the reader. Otherwise (another language, another
 * address, a diagnosis to reopen) React renders its own page in place of it.
 */
export interface StartHooks {
  /** Just before React starts on the page. */
  beforeRender?: () => void;
  /** Once the first render is on the page, its handlers attached. */
  onReady?: () => void;
}

export async function startApp(root: HTMLElement, { beforeRender, onReady }: StartHooks = {}): Promise<void> {
  await i18nReady.catch(() => undefined);
  // The render in a task of its own, after i18next's start.
  await nextTask();
  const app = <AppRoot queryClient={createQueryClient()} onReady={onReady} />;
  const isPrerenderedPage = root.dataset.prerendered === PRERENDERED_WELCOME && currentLanguage() === DEFAULT_LANGUAGE && opensOnWelcomePage();
  // A transition: React works in slices of a few milliseconds, so a slow phone answers a tap on the
  // painted page instead of freezing until the whole page is built.
  beforeRender?.();
  startTransition(() => {
    if (isPrerenderedPage) hydrateRoot(root, app);
    else createRoot(root).render(app);
  });
}
