import type french from '../fr/common';
import type { TranslationOf } from '../../translation-of';

/** The `common` catalogue in English: the same keys as the French one, checked by the compiler. */
const common: TranslationOf<typeof french> = {};

export default common;
