import type { z } from 'zod';
import type { ServiceContext } from '../service-context';
import type { findingFilterSchema } from '../../contract/schemas/finding-schemas';
import type { FindingCount, FindingSummary } from '../../contract/types/finding-types';
import { findingWhere } from './finding-service';

/**
 * findings.summary: Koordination's view across offices, the live findings of a period counted by life area,
 * barrier, kind of agency, partner, office and quarter, and life area × barrier. Counts of barriers, not of
 * people: no cell needs suppression, nothing in a finding names a person.
 */
export async function summarizeFindings(ctx: ServiceContext, filter: z.output<typeof findingFilterSchema>): Promise<FindingSummary> {
  const where = findingWhere(ctx, filter);
  const counted = async <K extends string>(column: string): Promise<FindingCount<K>[]> =>
    (await ctx.tx.query(
      `SELECT ${column} AS key, count(*) AS n FROM structural_finding f WHERE ${where.sql} AND ${column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, key`,
      where.params,
    )) as FindingCount<K>[];
  const [{ total }] = (await ctx.tx.query(`SELECT count(*) AS total FROM structural_finding f WHERE ${where.sql}`, where.params)) as [{ total: number }];
  const byPartner = (await ctx.tx.query(
    `SELECT f.partner_id AS partnerId, p.name AS partnerName, count(*) AS n FROM structural_finding f LEFT JOIN partner p ON p.id = f.partner_id
     WHERE ${where.sql} AND f.partner_id IS NOT NULL GROUP BY f.partner_id ORDER BY n DESC, p.name LIMIT 50`,
    where.params,
  )) as FindingSummary['byPartner'];
  const areaByBarrier = (await ctx.tx.query(
    `SELECT f.area, f.barrier, count(*) AS n FROM structural_finding f WHERE ${where.sql} GROUP BY f.area, f.barrier ORDER BY f.area, f.barrier`,
    where.params,
  )) as FindingSummary['areaByBarrier'];
  // 2026-05 → 2026-Q2
  const quarter = `substr(f.observed_in, 1, 4) || '-Q' || ((CAST(substr(f.observed_in, 6, 2) AS INTEGER) + 2) / 3)`;
  const byQuarter = (await ctx.tx.query(
    `SELECT ${quarter} AS key, count(*) AS n FROM structural_finding f WHERE ${where.sql} GROUP BY 1 ORDER BY key`,
    where.params,
  )) as FindingCount[];
  return {
    total,
    byArea: await counted('f.area'),
    byBarrier: await counted('f.barrier'),
    byPartnerKind: await counted('f.partner_kind'),
    byPartner,
    byOffice: await counted('f.office'),
    byQuarter,
    areaByBarrier,
  };
}
