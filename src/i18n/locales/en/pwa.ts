import type french from '../fr/pwa';
import type { TranslationOf } from '../../translation-of';

/** The `pwa` catalogue in English: the same keys as the French one, checked by the compiler. */
const pwa: TranslationOf<typeof french> = {};

export default pwa;
