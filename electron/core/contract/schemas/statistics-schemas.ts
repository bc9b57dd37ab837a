import { z } from 'zod';
import { isRealDate } from '../dates';
import { OFFICES } from '../offices';
import { MAX_PERIOD_DAYS } from '../statistics-domain';

/** Input schemas of the statistics methods (pure zod, shared with the renderer's form). */

const day = z.iso.date().refine(isRealDate, { message: 'not_a_date' });

export const statisticsPeriodInput = z
  .strictObject({
    /** First and last day of the period (Berlin calendar days, both included). */
    from: day,
    to: day,
    /** The office whose files are counted; the caller's own office when left out (the only one a vault keeps today). */
    office: z.enum(OFFICES).optional(),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'before_from' })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_PERIOD_DAYS, { path: ['to'], message: 'period_too_long' });

export const statisticsComputeInput = statisticsPeriodInput;
export const statisticsExportInput = statisticsPeriodInput;
export const statisticsPrintInput = statisticsPeriodInput;

const period = z
  .strictObject({ from: day, to: day })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'before_from' })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_PERIOD_DAYS, { path: ['to'], message: 'period_too_long' });

/** statistics.publish: the own office's counts for this period go to Koordination. */
export const statisticsPublishInput = period;
/** statistics.combine: the offices' published counts for exactly this period. */
export const statisticsCombineInput = period;
