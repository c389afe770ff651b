import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { i18nReady } from './i18n/i18n';
import { App } from './ui/app';
import { AppErrorBoundary } from './ui/error-page';
import { LanguageSwitcher } from './ui/language-switcher';
import { ACCESSIBILITY_HASH, DATA_HASH } from './ui/routes';
import './ui/styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

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

// The stored language's words are ready before the first paint (French is in the first load).
void i18nReady.finally(() => {
  createRoot(root).render(
    <StrictMode>
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={null}>
            <Page />
          </Suspense>
        </QueryClientProvider>
      </AppErrorBoundary>
    </StrictMode>,
  );
});
