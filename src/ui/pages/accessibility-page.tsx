import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n as appI18n } from '../../i18n/i18n';
import { LANGUAGE_TAGS, isLanguage, DEFAULT_LANGUAGE } from '../../i18n/languages';
import { HOME_HASH } from '../routes';

/** The day the statement was written; change it with the statement, never at build time. */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-23';

export interface AccessibilityPageProps {
  /** The home page's address (a hash route). */
  homeHref?: string;
}

/** The accessibility statement, in the spirit of the RGAA's: the honest status, what was checked, what is not there yet. */
export function AccessibilityPage({ homeHref = HOME_HASH }: AccessibilityPageProps) {
  const { t, i18n } = useTranslation('pages', { i18n: appI18n });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  // A calendar day, not an instant: read and written in UTC so that no time zone moves it.
  const date = new Intl.DateTimeFormat(LANGUAGE_TAGS[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${ACCESSIBILITY_STATEMENT_DATE}T00:00:00Z`));

  // Focus on arrival only: a change of language renames the page without taking the focus from the switcher.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    document.title = t('accessibility.documentTitle');
  }, [t]);

  return (
    <div className="info-page accessibility-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('accessibility.heading')}
      </h1>
      <p className="lead">{t('accessibility.intro')}</p>

      <section className="card" aria-labelledby="a11y-status-heading">
        <h2 id="a11y-status-heading">{t('accessibility.status.heading')}</h2>
        <p>
          <strong>{t('accessibility.status.claim')}</strong>
        </p>
        <p>{t('accessibility.status.why')}</p>
      </section>

      <section className="card" aria-labelledby="a11y-tested-heading">
        <h2 id="a11y-tested-heading">{t('accessibility.tested.heading')}</h2>
        <ul>
          <li>{t('accessibility.tested.axe')}</li>
          <li>{t('accessibility.tested.keyboard')}</li>
          <li>{t('accessibility.tested.reflow')}</li>
          <li>{t('accessibility.tested.motion')}</li>
          <li>{t('accessibility.tested.colour')}</li>
          <li>{t('accessibility.tested.contrast')}</li>
        </ul>
      </section>

      <section className="card" aria-labelledby="a11y-limits-heading">
        <h2 id="a11y-limits-heading">{t('accessibility.limits.heading')}</h2>
        <ul>
          <li>{t('accessibility.limits.pdf')}</li>
          <li>{t('accessibility.limits.screenReaders')}</li>
        </ul>
      </section>

      <section className="card" aria-labelledby="a11y-report-heading">
        <h2 id="a11y-report-heading">{t('accessibility.report.heading')}</h2>
        <p>{t('accessibility.report.whom')}</p>
        <p>{t('accessibility.report.what')}</p>
      </section>

      <p>
        <time dateTime={ACCESSIBILITY_STATEMENT_DATE}>{t('accessibility.date', { date })}</time>
      </p>
      <p>
        <a href={homeHref}>{t('backHome')}</a>
      </p>
    </div>
  );
}
