import type french from '../fr/compare';
import type { TranslationOf } from '../../translation-of';

/** The `compare` catalogue in English: the same keys as the French one, checked by the compiler. */
const compare: TranslationOf<typeof french> = {};

export default compare;
