import { berlinDate } from '../../contract/dates';
import { dataHolders } from '../../domain/referrals/data-holders';
import {
  createReferral,
  deleteReferral,
  listReferrals,
  recordFeedback,
  reopenReferral,
  sendReferral,
  updateReferral,
} from '../../domain/referrals/referral-service';
import { printReferralSheet } from '../../domain/referrals/referral-sheet';
import type { HandlerMap } from './handler-types';

type ReferralMethod =
  | 'referrals.list'
  | 'referrals.create'
  | 'referrals.update'
  | 'referrals.send'
  | 'referrals.feedback'
  | 'referrals.reopen'
  | 'referrals.delete'
  | 'referrals.dataHolders'
  | 'referrals.print';

/** Referrals of a case to directory partners; the method guards have checked the case file (method-guards.ts). */
export const referralHandlers: HandlerMap<ReferralMethod> = {
  'referrals.list': (i, ctx) => listReferrals(ctx, i.caseId),
  'referrals.create': (i, ctx) => createReferral(ctx, i),
  'referrals.update': (i, ctx) => updateReferral(ctx, i),
  'referrals.send': (i, ctx) => sendReferral(ctx, i),
  'referrals.feedback': (i, ctx) => recordFeedback(ctx, i),
  'referrals.reopen': (i, ctx) => reopenReferral(ctx, i),
  'referrals.delete': (i, ctx) => deleteReferral(ctx, i),
  'referrals.dataHolders': async (i, ctx) => {
    ctx.audit.entityIds.push(i.clientId);
    return dataHolders(ctx.tx, i.clientId, berlinDate(ctx.now));
  },
  'referrals.print': (i, ctx) => printReferralSheet(ctx, i),
};
