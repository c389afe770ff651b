import type french from '../fr/pwa';
import type { TranslationOf } from '../../translation-of';

/** The `pwa` catalogue in English: the same keys as the French one, checked by the compiler. */
const pwa: TranslationOf<typeof french> = {
  update: {
    available: 'A new version is available.',
    afterDiagnosis: 'It will be installed when you return to the home page. Your answers are saved.',
    apply: 'Update',
    installing: 'Installing…',
  },
};

export default pwa;
