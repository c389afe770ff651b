import { Component, type ReactNode } from 'react';
import { messages } from './messages';

export function ContentErrorPage({ message, details, onRetry }: { message: string; details: readonly string[]; onRetry: () => void }) {
  return (
    <section className="error-page card" aria-labelledby="error-heading">
      <h1 id="error-heading">{messages.errors.contentHeading}</h1>
      <p role="alert">{message}</p>
      <p>{messages.errors.contentHelp}</p>
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
        {messages.errors.retry}
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
    return (
      <main id="main" className="page">
        <section className="error-page card" aria-labelledby="error-heading">
          <h1 id="error-heading">{messages.errors.unexpectedHeading}</h1>
          <p>{messages.errors.unexpectedHelp}</p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {messages.errors.reload}
          </button>
        </section>
      </main>
    );
  }
}
