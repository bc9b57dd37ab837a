import { listConferences, saveConference, setActionDone } from '../../domain/conferences/conference-service';
import type { HandlerMap } from './handler-types';

/** Case conferences; each call's guard (method-guards.ts) has resolved the case's client file. */
export const conferenceHandlers: HandlerMap<'conferences.list' | 'conferences.save' | 'conferenceActions.setDone'> = {
  'conferences.list': (i, ctx) => listConferences(ctx, i.caseId),
  'conferences.save': (i, ctx) => saveConference(ctx, i),
  'conferenceActions.setDone': (i, ctx) => setActionDone(ctx, i),
};
