import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';

export function ContentErrorPage({ message, details, onRetry }: { message: string; details: readonly string[]; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="error-page card" aria-labelledby="error-heading">
      <h1 id="error-heading">{t('errors.contentHeading')}</h1>
      <p role="alert">{message}</p>
      <p>{t('errors.contentHelp')}</p>
      {details.length > 0 ? (
        <ul className="error-details">
          {details.slice(0, 20).map((detail) => (
            <li key={detail}>
              <code>{detail}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button button-primary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </section>
  );
}

/** The last safety net: an unexpected error shows a page that says what to do, never a blank screen. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { hasError: boolean }> {
  override state = { hasError: false };

  static getDerivedStateFromError() {
    return { hasError: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    // A class cannot use the hook: the page is worded in the language of the moment.
    return (
      <main id="main" className="page">
        <section className="error-page card" aria-labelledby="error-heading">
          <h1 id="error-heading">{i18n.t('errors.unexpectedHeading')}</h1>
          <p>{i18n.t('errors.unexpectedHelp')}</p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {i18n.t('errors.reload')}
          </button>
        </section>
      </main>
    );
  }
}
