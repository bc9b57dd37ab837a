import {
  computeStatistics,
  exportStatisticsCsv,
  exportStatisticsXlsx,
  printStatistics,
  statisticsCsvFile,
  statisticsPrintFile,
  statisticsXlsxFile,
} from '../../domain/statistics/statistics-service';
import { combineAggregates, listAggregates, publishAggregate } from '../../domain/sync/statistics-aggregates';
import type { HandlerMap } from './handler-types';
import { networkContext } from './network-handlers';

type StatisticsMethod =
  | 'statistics.compute'
  | 'statistics.exportCsv'
  | 'statistics.exportXlsx'
  | 'statistics.print'
  | 'statistics.publish'
  | 'statistics.aggregates'
  | 'statistics.combine'
  | 'statistics.exportCombinedCsv'
  | 'statistics.exportCombinedXlsx'
  | 'statistics.printCombined';

/** KIM statistics; the dispatcher has checked the role against statistics-domain.ts (STATISTICS_ROLES). */
export const statisticsHandlers: HandlerMap<StatisticsMethod> = {
  'statistics.compute': (i, ctx) => computeStatistics(ctx, i),
  'statistics.exportCsv': (i, ctx) => exportStatisticsCsv(ctx, i),
  'statistics.exportXlsx': (i, ctx) => exportStatisticsXlsx(ctx, i),
  'statistics.print': (i, ctx) => printStatistics(ctx, i),
  'statistics.publish': (i, ctx) => publishAggregate(networkContext(ctx), i),
  'statistics.aggregates': (_i, ctx) => listAggregates(networkContext(ctx)),
  'statistics.combine': (i, ctx) => combineAggregates(networkContext(ctx), i),
  // The combined figures through the same export paths as an office's own (statistics-layout.ts names the offices).
  'statistics.exportCombinedCsv': async (i, ctx) => statisticsCsvFile(ctx, (await combineAggregates(networkContext(ctx), i)).report),
  'statistics.exportCombinedXlsx': async (i, ctx) => statisticsXlsxFile(ctx, (await combineAggregates(networkContext(ctx), i)).report),
  'statistics.printCombined': async (i, ctx) => statisticsPrintFile(ctx, (await combineAggregates(networkContext(ctx), i)).report),
};
