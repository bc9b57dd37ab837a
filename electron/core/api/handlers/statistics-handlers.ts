import { computeStatistics, exportStatisticsCsv, exportStatisticsXlsx, printStatistics } from '../../domain/statistics/statistics-service';
import type { HandlerMap } from './handler-types';

type StatisticsMethod = 'statistics.compute' | 'statistics.exportCsv' | 'statistics.exportXlsx' | 'statistics.print';

/** KIM statistics; the dispatcher has checked the role against statistics-domain.ts (STATISTICS_ROLES). */
export const statisticsHandlers: HandlerMap<StatisticsMethod> = {
  'statistics.compute': (i, ctx) => computeStatistics(ctx, i),
  'statistics.exportCsv': (i, ctx) => exportStatisticsCsv(ctx, i),
  'statistics.exportXlsx': (i, ctx) => exportStatisticsXlsx(ctx, i),
  'statistics.print': (i, ctx) => printStatistics(ctx, i),
};
