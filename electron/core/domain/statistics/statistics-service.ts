import type { z } from 'zod';
import { berlinDate } from '../../contract/dates';
import { AppError } from '../../contract/errors';
import type { statisticsPeriodInput } from '../../contract/schemas/statistics-schemas';
import type { StatisticsFile, StatisticsReport } from '../../contract/types/statistics-types';
import type { ServiceContext } from '../service-context';
import { csvBytes } from './csv-text';
import { countStatistics } from './statistics-counts';
import { statisticsDefinitions } from './statistics-definitions';
import { reportRows, statisticsFileName } from './statistics-layout';
import { statisticsPrintDocument } from './statistics-print';
import { publishStatistics } from './statistics-report';
import { statisticsXlsx } from './statistics-xlsx';

type PeriodInput = z.output<typeof statisticsPeriodInput>;

/**
 * statistics.compute and its exports: the figures of the caller's office for a period, suppressed. A vault holds
 * its own office's files in full and only consented copies of others', so another office's figures are refused
 * here; they will come from that office's published counts (see statistics-counts.ts, combineCounts).
 */
export async function computeStatistics(ctx: ServiceContext, input: PeriodInput): Promise<StatisticsReport> {
  const office = input.office ?? ctx.user.office;
  if (office !== ctx.user.office) throw new AppError('statistics.officeNotKept', { office });
  // The audit entry says which figures were produced: office and period, no values.
  ctx.audit.fields.push(`office:${office}`, `period:${input.from}..${input.to}`);
  const counts = await countStatistics(ctx.tx, { office, from: input.from, to: input.to, today: berlinDate(ctx.now) });
  return publishStatistics(counts, office, statisticsDefinitions(), ctx.now);
}

/** A report (the office's, or the offices' combined figures) as a CSV file; the format goes into the audit entry. */
export function statisticsCsvFile(ctx: Pick<ServiceContext, 'audit'>, report: StatisticsReport): StatisticsFile {
  ctx.audit.fields.push('format:csv');
  const rows = reportRows(report, statisticsDefinitions()).map((r) => r.values);
  return { fileName: statisticsFileName(report, 'csv'), mimeType: 'text/csv;charset=utf-8', contentBase64: csvBytes(rows).toString('base64') };
}

export async function statisticsXlsxFile(ctx: Pick<ServiceContext, 'audit' | 'now'>, report: StatisticsReport): Promise<StatisticsFile> {
  ctx.audit.fields.push('format:xlsx');
  const bytes = await statisticsXlsx(report, statisticsDefinitions(), ctx.now);
  return {
    fileName: statisticsFileName(report, 'xlsx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: bytes.toString('base64'),
  };
}

export function statisticsPrintFile(ctx: Pick<ServiceContext, 'audit'>, report: StatisticsReport): { fileName: string; html: string } {
  ctx.audit.fields.push('format:pdf');
  return statisticsPrintDocument(report, statisticsDefinitions());
}

export async function exportStatisticsCsv(ctx: ServiceContext, input: PeriodInput): Promise<StatisticsFile> {
  return statisticsCsvFile(ctx, await computeStatistics(ctx, input));
}

export async function exportStatisticsXlsx(ctx: ServiceContext, input: PeriodInput): Promise<StatisticsFile> {
  return statisticsXlsxFile(ctx, await computeStatistics(ctx, input));
}

export async function printStatistics(ctx: ServiceContext, input: PeriodInput): Promise<{ fileName: string; html: string }> {
  return statisticsPrintFile(ctx, await computeStatistics(ctx, input));
}
