import { contract, type OutputOf } from '../../../electron/core/contract/methods';

/**
 * Output types and input schemas of client files and cases, taken from the contract itself. The lint boundary lets
 * the renderer import only the contract's pure modules, and the contract already names every schema and output.
 */
export type ClientDetail = OutputOf<'clients.get'>;
export type ClientSummary = OutputOf<'clients.list'>['rows'][number];
export type ClientPage = OutputOf<'clients.list'>;
export type SearchHit = OutputOf<'clients.search'>[number];
export type CurrentResidence = NonNullable<ClientSummary['currentResidence']>;
export type ResidenceStatusView = NonNullable<ClientDetail['residenceHistory']>[number];
export type HouseholdMemberView = NonNullable<ClientDetail['household']>[number];
export type DocumentView = OutputOf<'documents.upload'>;
export type CaseSummary = ClientDetail['cases'][number];
export type CaseDetail = OutputOf<'cases.get'>;
export type GoalView = CaseDetail['goals'][number];
export type MeasureView = GoalView['measures'][number];
export type NoteView = NonNullable<CaseDetail['notes']>[number];
export type FollowUpView = OutputOf<'followUps.complete'>;
export type WorkOverview = OutputOf<'work.overview'>;
export type CaseManagerOption = OutputOf<'accounts.caseManagers'>[number];

export const clientCreateInput = contract['clients.create'].input;
export const clientUpdateInput = contract['clients.update'].input;
/** Per-field schemas of the master data, for checks at the field. */
export const clientFieldShapes = clientCreateInput.shape;
export const residenceStatusInput = contract['residence.add'].input;
export const householdMemberInput = contract['household.add'].input;
export const noteInput = contract['notes.add'].input;
export const goalInput = contract['goals.add'].input;
export const measureInput = contract['measures.add'].input;
export const followUpInput = contract['followUps.add'].input;
export type ConsentView = ClientDetail['consents'][number];
export type ClientAccessView = ClientDetail['access'];
export type ReferralView = OutputOf<'referrals.list'>[number];
export type DataHolderView = OutputOf<'referrals.dataHolders'>[number];
