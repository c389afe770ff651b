import type french from '../fr/pages';
import type { TranslationOf } from '../../translation-of';

/** The `pages` catalogue in English: the same keys as the French one, checked by the compiler. */
const pages: TranslationOf<typeof french> = {};

export default pages;
