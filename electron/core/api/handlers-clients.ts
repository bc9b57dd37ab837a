import { addFollowUp, addGoal, addMeasure, addNote, closeCase, completeFollowUp, openCase, setAssessment, setCasePhase, setGoalStatus, setMeasureStatus } from '../cases/case-service';
import { loadCaseDetail } from '../cases/case-queries';
import { findDuplicates, searchClients } from '../clients/client-search';
import {
  addHouseholdMember,
  addResidenceStatus,
  createClient,
  listClients,
  loadClientDetail,
  removeHouseholdMember,
  removeResidenceStatus,
  updateClient,
} from '../clients/client-service';
import { berlinDate } from '../clients/partial-date';
import { deleteDocument, readDocument, uploadDocument } from '../documents/document-service';
import { requireSession } from '../session/session';
import { createAccount } from '../users/account-admin';
import { listCaseManagers } from '../users/account-service';
import { workOverview } from '../work/work-overview';
import type { HandlerMap } from './handler-types';

/** Client files, cases and the accounts that work them. */
export const clientHandlers: HandlerMap<
  | 'accounts.create'
  | 'accounts.caseManagers'
  | 'clients.search'
  | 'clients.checkDuplicates'
  | 'clients.list'
  | 'clients.create'
  | 'clients.get'
  | 'clients.update'
  | 'household.add'
  | 'household.remove'
  | 'residence.add'
  | 'residence.remove'
  | 'documents.upload'
  | 'documents.content'
  | 'documents.delete'
  | 'cases.open'
  | 'cases.get'
  | 'cases.setPhase'
  | 'cases.close'
  | 'assessment.set'
  | 'goals.add'
  | 'goals.setStatus'
  | 'measures.add'
  | 'measures.setStatus'
  | 'notes.add'
  | 'followUps.add'
  | 'followUps.complete'
  | 'work.overview'
> = {
  'accounts.create': (i, ctx) => createAccount(ctx, i),
  'accounts.caseManagers': async (_i, ctx) => {
    const { session, tx } = requireSession(ctx);
    return listCaseManagers(tx, session.user.office);
  },
  'clients.search': (i, ctx) => searchClients(requireSession(ctx).tx, i.query, i.limit, berlinDate(ctx.now)),
  'clients.checkDuplicates': (i, ctx) => findDuplicates(requireSession(ctx).tx, i, berlinDate(ctx.now)),
  'clients.list': (i, ctx) => listClients(ctx, i),
  'clients.create': (i, ctx) => createClient(ctx, i),
  'clients.get': (i, ctx) => loadClientDetail(ctx, i.id),
  'clients.update': (i, ctx) => updateClient(ctx, i),
  'household.add': (i, ctx) => addHouseholdMember(ctx, i),
  'household.remove': (i, ctx) => removeHouseholdMember(ctx, i.id),
  'residence.add': (i, ctx) => addResidenceStatus(ctx, i),
  'residence.remove': (i, ctx) => removeResidenceStatus(ctx, i.id),
  'documents.upload': (i, ctx) => uploadDocument(ctx, i),
  'documents.content': (i, ctx) => readDocument(ctx, i.id),
  'documents.delete': (i, ctx) => deleteDocument(ctx, i.id),
  'cases.open': (i, ctx) => openCase(ctx, i),
  'cases.get': async (i, ctx) => {
    const detail = await loadCaseDetail(requireSession(ctx).tx, i.id);
    ctx.audit.entityIds.push(detail.id);
    return detail;
  },
  'cases.setPhase': (i, ctx) => setCasePhase(ctx, i),
  'cases.close': (i, ctx) => closeCase(ctx, i),
  'assessment.set': (i, ctx) => setAssessment(ctx, i),
  'goals.add': (i, ctx) => addGoal(ctx, i),
  'goals.setStatus': (i, ctx) => setGoalStatus(ctx, i),
  'measures.add': (i, ctx) => addMeasure(ctx, i),
  'measures.setStatus': (i, ctx) => setMeasureStatus(ctx, i),
  'notes.add': (i, ctx) => addNote(ctx, i),
  'followUps.add': (i, ctx) => addFollowUp(ctx, i),
  'followUps.complete': (i, ctx) => completeFollowUp(ctx, i.id),
  'work.overview': (_i, ctx) => workOverview(ctx),
};
