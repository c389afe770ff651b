import type french from '../fr/report';
import type { TranslationOf } from '../../translation-of';

/** The `report` catalogue in English: the same keys as the French one, checked by the compiler. */
const report: TranslationOf<typeof french> = {};

export default report;
