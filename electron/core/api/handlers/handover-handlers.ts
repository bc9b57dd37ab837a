import { acceptHandover, incomingHandovers, listHandovers, prepareHandover, sendHandover } from '../../domain/handovers/handover-service';
import type { HandlerMap } from './handler-types';

type HandoverMethod = 'handovers.prepare' | 'handovers.send' | 'handovers.list' | 'handovers.incoming' | 'handovers.accept';

/** Hand-overs of client files between our offices; the method guards have checked the file (method-guards.ts). */
export const handoverHandlers: HandlerMap<HandoverMethod> = {
  'handovers.prepare': (i, ctx) => prepareHandover(ctx, i.clientId),
  'handovers.send': (i, ctx) => sendHandover(ctx, i),
  'handovers.list': (i, ctx) => listHandovers(ctx, i.clientId),
  'handovers.incoming': (_i, ctx) => incomingHandovers(ctx),
  'handovers.accept': (i, ctx) => acceptHandover(ctx, i),
};
