import { listConferences, saveConference, setActionDone } from '../../domain/conferences/conference-service';
import { printMinutes } from '../../domain/conferences/minutes-document';
import type { HandlerMap } from './handler-types';

/** Case conferences; each call's guard (method-guards.ts) has resolved the case's client file. */
export const conferenceHandlers: HandlerMap<'conferences.list' | 'conferences.save' | 'conferenceActions.setDone' | 'conferences.printMinutes'> = {
  'conferences.list': (i, ctx) => listConferences(ctx, i.caseId),
  'conferences.save': (i, ctx) => saveConference(ctx, i),
  'conferenceActions.setDone': (i, ctx) => setActionDone(ctx, i),
  'conferences.printMinutes': (i, ctx) => printMinutes(ctx, i),
};
