import { z } from 'zod';
import { CONSENT_FORM_LANGUAGES } from '../types/print-types';

/** Input schemas of the Art. 15 report (pure zod, shared with the renderer's dialog). */

export const accessPreviewInput = z.strictObject({ clientId: z.uuid() });

export const accessReportInput = z.strictObject({
  clientId: z.uuid(),
  /** 'de': German only; otherwise the explanatory parts also in the consent form's language, side by side. */
  language: z.enum(['de', ...CONSENT_FORM_LANGUAGES]),
});
