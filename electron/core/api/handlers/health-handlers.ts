import { runHealthCheck } from '../../domain/health/health-check';
import { quarantineOrphans } from '../../domain/health/document-files';
import type { HandlerMap } from './handler-types';
import { networkContext } from './network-handlers';

type HealthMethod = 'system.health' | 'system.repair';

/** The health check and its one repair; the dispatcher has checked the role (IT administration, access 'admin'). */
export const healthHandlers: HandlerMap<HealthMethod> = {
  'system.health': (i, ctx) => {
    ctx.audit.fields.push(i.scope);
    return runHealthCheck(ctx, i.scope, { policy: ctx.machinePolicy, shareFs: networkContext(ctx).io.fs, nativeBinding: ctx.location.nativeBinding });
  },
  'system.repair': async (_i, ctx) => {
    const { moved, folder } = await quarantineOrphans(ctx.tx, ctx.dataDir, ctx.now);
    ctx.audit.fields.push('quarantinedFiles');
    return { quarantined: moved, folder };
  },
};
