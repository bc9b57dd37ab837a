import {
  addFollowUp,
  addGoal,
  addMeasure,
  addNote,
  closeCase,
  completeFollowUp,
  openCase,
  readCase,
  setAssessment,
  setCasePhase,
  setGoalStatus,
  setMeasureStatus,
} from '../../domain/cases/case-service';
import { shapeHits } from '../../domain/access/call-access';
import { addConsent, revokeConsent } from '../../domain/consent/consent-service';
import { printConsentForm } from '../../domain/consent/consent-form';
import { findDuplicates, searchClients } from '../../domain/clients/client-search';
import {
  addHouseholdMember,
  addResidenceStatus,
  createClient,
  listClients,
  removeHouseholdMember,
  removeResidenceStatus,
  updateClient,
} from '../../domain/clients/client-service';
import { berlinDate } from '../../contract/dates';
import { loadClientDetail } from '../../domain/client-file/client-detail';
import { deleteDocument, readDocument, uploadDocument } from '../../domain/documents/document-service';
import { createAccount } from '../../domain/users/account-admin';
import { listCaseManagers } from '../../domain/users/account-service';
import { workOverview } from '../../domain/work/work-overview';
import type { CaseWorkContext } from '../call-context';
import type { HandlerMap } from './handler-types';

const visibleTo = (ctx: CaseWorkContext) => (ids: string[]) => ctx.policy.filterVisible(ids);

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
  | 'consents.add'
  | 'consents.revoke'
  | 'consents.printForm'
> = {
  'accounts.create': (i, ctx) => createAccount(ctx, i, ctx.machinePolicy),
  'accounts.caseManagers': async (_i, ctx) => {
    return listCaseManagers(ctx.tx, ctx.user.office);
  },
  'clients.search': async (i, ctx) =>
    shapeHits(ctx, await searchClients(ctx.tx, i.query, i.limit, berlinDate(ctx.now), visibleTo(ctx))),
  'clients.checkDuplicates': async (i, ctx) => shapeHits(ctx, await findDuplicates(ctx.tx, i, berlinDate(ctx.now), visibleTo(ctx))),
  'clients.list': (i, ctx) => listClients(ctx, i),
  'clients.create': async (i, ctx) => loadClientDetail(ctx, await createClient(ctx, i)),
  'clients.get': (i, ctx) => loadClientDetail(ctx, i.id),
  'clients.update': async (i, ctx) => loadClientDetail(ctx, await updateClient(ctx, i)),
  'household.add': async (i, ctx) => loadClientDetail(ctx, await addHouseholdMember(ctx, i)),
  'household.remove': async (i, ctx) => loadClientDetail(ctx, await removeHouseholdMember(ctx, i)),
  'residence.add': async (i, ctx) => loadClientDetail(ctx, await addResidenceStatus(ctx, i)),
  'residence.remove': async (i, ctx) => loadClientDetail(ctx, await removeResidenceStatus(ctx, i)),
  'documents.upload': (i, ctx) => uploadDocument(ctx, i),
  'documents.content': (i, ctx) => readDocument(ctx, i.id),
  'documents.delete': (i, ctx) => deleteDocument(ctx, i),
  'cases.open': (i, ctx) => openCase(ctx, i),
  'cases.get': async (i, ctx) => {
    const detail = await readCase(ctx, i.id);
    ctx.audit.entityIds.push(detail.id);
    if (!detail.access.owner) ctx.audit.fields.push(...detail.access.categories.map((c) => `category:${c}`));
    return detail;
  },
  'consents.add': async (i, ctx) => loadClientDetail(ctx, await addConsent(ctx, i)),
  'consents.revoke': async (i, ctx) => loadClientDetail(ctx, await revokeConsent(ctx, i)),
  'consents.printForm': (i, ctx) => printConsentForm(ctx, i),
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
