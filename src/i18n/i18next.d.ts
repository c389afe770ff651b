import 'i18next';
import type common from './locales/fr/common';
import type group from './locales/fr/group';
import type compare from './locales/fr/compare';
import type report from './locales/fr/report';
import type pwa from './locales/fr/pwa';
import type pages from './locales/fr/pages';

// Typed keys: `t('welcome.heading')` is checked against the French catalogue, the source language.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; group: typeof group; compare: typeof compare; report: typeof report; pwa: typeof pwa; pages: typeof pages };
  }
}
