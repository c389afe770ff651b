import type french from '../fr/compare';
import type { TranslationOf } from '../../translation-of';

/** The `compare` catalogue in English: the same keys as the French one, checked by the compiler. */
const compare: TranslationOf<typeof french> = {
  documentTitle: 'Progress – {{organisationName}} – Trajectoires',
  back: 'Back',
  intro:
    'The self-assessment of {{olderDate}} (“{{olderTitle}}”) compared with that of {{newerDate}} (“{{newerTitle}}”). Scores out of 100; the change is the difference in points.',
  areasHeading: 'Pillars and project',
  areasCaption: 'Score of each area before and after, and how it changed',
  chartLabel: 'Scores before and after, by area',
  chartDescriptionRow: '{{label}}: {{before}} then {{after}}',
  chartDescriptionSeparator: '; ',
  seriesBefore: 'Before ({{date}})',
  seriesAfter: 'After ({{date}})',
  dimensionsHeading: 'Dimensions',
  dimensionsCaption: 'Score of each dimension before and after, and how it changed, by area',
  scrollRegion: '{{table}} (the table scrolls horizontally)',
  columns: { area: 'Area', dimension: 'Dimension', before: 'Before', after: 'After', change: 'Change' },
  changedAnswersHeading: 'Changed answers',
  before: 'Before:',
  after: 'After:',
  stepsDoneHeading: 'Path steps done since',
  download: 'Download the report with the changes (PDF)',
  downloading: 'Preparing the report…',
  downloaded: 'The PDF report has been downloaded.',
  downloadFailed: 'The report could not be prepared. Check your connection, then try again.',
};

export default compare;
