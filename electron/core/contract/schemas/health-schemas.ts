import { z } from 'zod';

/** `quick` when IT signs in (milliseconds), `full` reads the whole vault (doctor, IT's button). */
export const healthCheckInput = z.strictObject({ scope: z.enum(['quick', 'full']) });
