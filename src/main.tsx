import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app';
import { AppErrorBoundary } from './ui/error-page';
import { messages } from './ui/messages';
import './ui/styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
          {messages.skipToContent}
        </a>
        <header className="site-header">
          <p className="brand">
            <span className="brand-name">{messages.appName}</span>
            <span className="brand-tagline">{messages.appTagline}</span>
          </p>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          <App />
        </main>
        <footer className="site-footer">
          <p>Vos réponses restent sur cet appareil. Aucune donnée n’est envoyée.</p>
        </footer>
      </QueryClientProvider>
    </AppErrorBoundary>
  </StrictMode>,
);
