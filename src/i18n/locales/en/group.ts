import type french from '../fr/group';
import type { TranslationOf } from '../../translation-of';

/** The `group` catalogue in English: the same keys as the French one, checked by the compiler. */
const group: TranslationOf<typeof french> = {};

export default group;
