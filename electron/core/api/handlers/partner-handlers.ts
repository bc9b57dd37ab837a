import { archivePartner, readPartner, removeContact, saveContact, savePartner, searchPartners } from '../../domain/partners/partner-service';
import { decideProposal, listProposals, propose } from '../../domain/partners/proposal-service';
import { listDirectoryConflicts, resolveDirectoryConflict } from '../../domain/sync/network-conflicts';
import type { HandlerMap } from './handler-types';

type PartnerMethod =
  | 'partners.search'
  | 'partners.get'
  | 'partners.save'
  | 'partners.archive'
  | 'partnerContacts.save'
  | 'partnerContacts.remove'
  | 'partnerProposals.list'
  | 'partnerProposals.propose'
  | 'partnerProposals.decide'
  | 'partnerConflicts.list'
  | 'partnerConflicts.resolve';

/** The partner directory; the dispatcher has checked the role against partner-domain.ts (DIRECTORY_ROLES). */
export const partnerHandlers: HandlerMap<PartnerMethod> = {
  'partners.search': (i, ctx) => searchPartners(ctx, i),
  'partners.get': (i, ctx) => readPartner(ctx, i.id),
  'partners.save': (i, ctx) => savePartner(ctx, i),
  'partners.archive': (i, ctx) => archivePartner(ctx, i),
  'partnerContacts.save': (i, ctx) => saveContact(ctx, i),
  'partnerContacts.remove': (i, ctx) => removeContact(ctx, i.id),
  'partnerProposals.list': (i, ctx) => listProposals(ctx, i),
  'partnerProposals.propose': (i, ctx) => propose(ctx, i),
  'partnerProposals.decide': (i, ctx) => decideProposal(ctx, i),
  'partnerConflicts.list': (_i, ctx) => listDirectoryConflicts(ctx),
  'partnerConflicts.resolve': (i, ctx) => resolveDirectoryConflict(ctx, i),
};
