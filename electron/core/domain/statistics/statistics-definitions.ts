import { z } from 'zod';
import { RESIDENCE_TYPES } from '../../contract/case-domain';
import { AGE_BANDS, STATISTICS_TABLES } from '../../contract/statistics-domain';
import definitionsDe from '../../../../resources/statistics/definitions.de.json';

/**
 * The written definitions of every figure: resources/statistics/definitions.de.json, the one place an office
 * explains its numbers from. The report, the exports and the printed PDF take every title, definition and label
 * from it; the groupings of nationalities and residence statuses are data there too, and `landExport.fields` is
 * where the mapping to the Land's KIM database goes once its field list is known. The schema refuses a missing table,
 * an unknown key or an empty text.
 */

const text = z.string().trim().min(1);
const labels = z.record(z.string().regex(/^[a-z0-9-]+$/i), text);

const ageBandSchema = z.strictObject({ label: text, minAge: z.int().min(0).nullable(), maxAge: z.int().min(0).nullable() });

const tableSchema = z.strictObject({
  title: text,
  unit: text,
  definition: text,
  rows: labels.optional(),
  columns: labels,
  rowTotal: text.optional(),
  columnTotal: text.optional(),
});

export const statisticsDefinitionsSchema = z.strictObject({
  version: text,
  title: text,
  notes: z.strictObject({ scope: text, primary: text, secondary: text }),
  groupings: z.strictObject({
    ageBands: z.strictObject(Object.fromEntries(AGE_BANDS.map((b) => [b, ageBandSchema])) as Record<(typeof AGE_BANDS)[number], typeof ageBandSchema>),
    nationalityGroups: z.array(z.strictObject({ key: z.string().regex(/^[a-z-]+$/), label: text, codes: z.array(z.string().min(2)).min(1) })).min(1),
    nationalityOther: text,
    nationalityUnknown: text,
    residenceCategories: z.array(z.strictObject({ key: z.string().regex(/^[a-z-]+$/), label: text, types: z.array(z.enum(RESIDENCE_TYPES)).min(1) })).min(1),
    residenceNone: text,
  }),
  tables: z.strictObject(Object.fromEntries(STATISTICS_TABLES.map((t) => [t, tableSchema])) as Record<(typeof STATISTICS_TABLES)[number], typeof tableSchema>),
  duration: z.strictObject({ title: text, definition: text, cases: text, median: text, lowerQuartile: text, upperQuartile: text }),
  landExport: z.strictObject({ comment: text, fields: z.record(z.string(), z.string().regex(/^[a-zA-Z]+(\.[a-z0-9-]+){1,2}$/)) }),
});

export type StatisticsDefinitions = z.output<typeof statisticsDefinitionsSchema>;

export const STATISTICS_DEFINITIONS_FILE: unknown = definitionsDe;

let parsed: StatisticsDefinitions | null = null;

/** The validated definitions (parsed once; a broken file fails the first report and every test). */
export function statisticsDefinitions(): StatisticsDefinitions {
  if (!parsed) {
    const d = statisticsDefinitionsSchema.parse(definitionsDe);
    // Every residence type in exactly one category, every nationality code in at most one group.
    const types = d.groupings.residenceCategories.flatMap((c) => c.types);
    if (new Set(types).size !== types.length || RESIDENCE_TYPES.some((t) => !types.includes(t))) throw new Error('statistics definitions: residence types');
    const codes = d.groupings.nationalityGroups.flatMap((g) => g.codes);
    if (new Set(codes).size !== codes.length) throw new Error('statistics definitions: nationality codes');
    parsed = d;
  }
  return parsed;
}
