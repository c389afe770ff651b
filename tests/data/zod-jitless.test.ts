import { z } from 'zod';
import { QuestionnaireSchema } from '../../src/domain/questionnaire-schema';

// The app's `zod` (aliased in vite.config.ts) never compiles with eval, which the CSP refuses.
test('zod as the app imports it runs without eval', () => {
  expect(z.config().jitless).toBe(true);
  // And it is the same zod the schemas use: one configuration for all of them.
  expect(QuestionnaireSchema).toBeInstanceOf(z.ZodType);
});
