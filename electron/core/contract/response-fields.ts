import type { ConsentView } from './types/access-types';
import type { PrintDocument } from './types/print-types';
import type { ConflictSide, SyncConflictView } from './types/network-types';
import type {
  CaseDetail,
  CaseManagerOption,
  CaseSummary,
  ClientDetail,
  ClientSummary,
  DocumentContent,
  DocumentView,
  FollowUpView,
  GoalView,
  NoteView,
  SearchHit,
  WorkOverview,
} from './types/client-types';
import type { CaseWorkMethod, DataSubjectMethod, OutputOf } from './methods';
import type { AccessReportPreview } from './types/data-subject-types';
import type { DataHolderView, OverdueReferralView, ReferralView } from './types/referral-types';
import type { HandoverPreparation, HandoverView, IncomingHandover } from './types/handover-types';
import type { ConferenceActionDue, ConferenceActionView, ConferenceView } from './types/conference-types';
import { DOCUMENT_DATA_CATEGORY, LIFE_AREA_DATA_CATEGORY, type DataCategory } from './data-categories';
import type { DocumentCategory, LifeArea, Rechtskreis } from './case-domain';

/**
 * Which data category each field of each response belongs to. Core builds every response of client data by
 * picking the fields these maps allow the caller (domain/access/redaction.ts), never by spreading a row, and the
 * access matrix walks every field of every response against them. The maps are typed so that the compiler refuses
 * a response type with a field that is not listed here.
 *
 * A rule names who may see a field:
 * - a data category: callers whose access to this client file includes the category (role, office, consent);
 * - 'owner': only the office that keeps the file (and only roles that see any of it), never a consent party;
 * - 'always': everyone who may see the file at all: what identifies the person and the record (names, birth date,
 *   ids, versions) and what describes the caller's own access.
 * Rules nest: a field is shown only when its rule and the rules of every field around it allow it.
 */
export type FieldRule = DataCategory | 'owner' | 'always';

type Scalar = string | number | boolean | null | undefined;
/** A list field's entry type, or the field's own type. */
type Item<V> = NonNullable<V extends readonly (infer E)[] ? E : V>;

/** A field of scalars (or a list of them) whose entries fall into different categories. */
export interface LeafSpec<E> {
  rule: FieldRule;
  /** Per entry of a list: entries whose rule the caller does not pass are left out. */
  entry: (e: E) => FieldRule;
}

/** A field holding an object, or a list of objects: the rules of their own fields. */
export interface NodeSpec<E> {
  rule: FieldRule;
  /** Per entry (or for the object itself): left out when the caller does not pass it. */
  entry?: (e: E) => FieldRule;
  /** The entry is (or belongs to) this client file: its rules are decided with the caller's access to that file. */
  client?: (e: E) => string;
  fields: FieldMap<E>;
}

export type FieldSpec<V> = [Item<V>] extends [Scalar] ? FieldRule | LeafSpec<Item<V>> : NodeSpec<Item<V>>;

/** Every field of T, none missing, none extra: the compiler checks both. */
export type FieldMap<T> = { readonly [K in keyof T]-?: FieldSpec<T[K]> };

/** Uncategorised documents ("Sonstiges") stay within the keeping office. */
export const documentRule = (category: DocumentCategory): FieldRule => DOCUMENT_DATA_CATEGORY[category] ?? 'owner';
const lifeAreaRule = (area: LifeArea): FieldRule => LIFE_AREA_DATA_CATEGORY[area];

/**
 * Which category a Rechtskreis belongs to: naming the agency involved tells what the person receives from it.
 * Jobcenter (SGB II), Sozialamt (SGB XII) and AsylbLG are benefit receipt: Finanzen & Leistungen. The Agentur für
 * Arbeit (SGB III) is placement and vocational training: Arbeit & Bildung. The Jugendamt (SGB VIII) is help for
 * children and parents: Familie. The Ausländerbehörde (AufenthG) is the residence procedure: Aufenthalt.
 */
export const RECHTSKREIS_DATA_CATEGORY: Record<Rechtskreis, DataCategory> = {
  sgb2: 'finances',
  sgb3: 'work-education',
  sgb8: 'family',
  sgb12: 'finances',
  asylblg: 'finances',
  aufenthg: 'residence',
};

const OPEN_CASE_FIELDS: FieldMap<NonNullable<ClientSummary['openCase']>> = {
  id: 'always',
  phase: 'always',
  caseManagerId: 'owner',
  caseManagerName: 'owner',
};

export const CLIENT_SUMMARY_FIELDS: FieldMap<ClientSummary> = {
  id: 'always',
  office: 'always',
  familyName: 'always',
  givenNames: 'always',
  birthDate: 'always',
  birthDatePlaceholder: 'always',
  nationalities: 'master',
  currentResidence: {
    rule: 'residence',
    fields: { type: 'always', legalBasis: 'always', validUntil: 'always', daysLeft: 'always', expiringSoon: 'always' },
  },
  // That a case is open, and in which phase, frames every view of the file; who works it stays in the office.
  openCase: { rule: 'always', fields: OPEN_CASE_FIELDS },
  updatedAt: 'always',
};

export const SEARCH_HIT_FIELDS: FieldMap<SearchHit> = { ...CLIENT_SUMMARY_FIELDS, score: 'always', matched: 'always' };

export const DOCUMENT_FIELDS: FieldMap<DocumentView> = {
  id: 'always',
  clientId: 'always',
  caseId: 'always',
  fileName: 'always',
  mimeType: 'always',
  category: 'always',
  size: 'always',
  sha256: 'always',
  createdAt: 'always',
};

/** Documents of a file or case: each one by its own category. */
const DOCUMENTS: NodeSpec<DocumentView> = { rule: 'always', entry: (d) => documentRule(d.category), fields: DOCUMENT_FIELDS };

export const CASE_SUMMARY_FIELDS: FieldMap<CaseSummary> = {
  id: 'always',
  office: 'always',
  phase: 'always',
  openedOn: 'always',
  closedOn: 'always',
  caseManagerId: 'owner',
  caseManagerName: 'owner',
};

export const CONSENT_FIELDS: FieldMap<ConsentView> = {
  // A consent party sees the consents that name it (consent-service decides which), whole: they are the basis of
  // its access, and who recorded one is its contact for questions about it.
  id: 'always',
  version: 'always',
  clientId: 'always',
  office: 'always',
  parties: 'always',
  agencies: 'always',
  partners: { rule: 'always', fields: { id: 'always', name: 'always' } },
  categories: 'always',
  purpose: 'always',
  validFrom: 'always',
  validUntil: 'always',
  form: 'always',
  documentId: 'always',
  oralRecord: 'always',
  recordedByName: 'always',
  status: 'always',
  expiringSoon: 'always',
  revocation: { rule: 'always', fields: { on: 'always', form: 'always', note: 'always', byName: 'always' } },
  createdAt: 'always',
};

const ACCESS_FIELDS: FieldMap<ClientDetail['access']> = { owner: 'always', canWrite: 'always', restricted: 'always', categories: 'always' };

export const CLIENT_DETAIL_FIELDS: FieldMap<ClientDetail> = {
  ...CLIENT_SUMMARY_FIELDS,
  alternativeNames: 'always',
  gender: 'master',
  languages: { rule: 'master', fields: { code: 'always', interpreterNeeded: 'always' } },
  arrivalDate: 'master',
  street: 'master',
  postalCode: 'master',
  city: 'master',
  phone: 'master',
  email: 'master',
  version: 'always',
  createdAt: 'always',
  household: { rule: 'family', fields: { id: 'always', name: 'always', relation: 'always', birthYear: 'always' } },
  residenceHistory: {
    rule: 'residence',
    fields: { id: 'always', type: 'always', legalBasis: 'always', validFrom: 'always', validUntil: 'always', createdAt: 'always' },
  },
  documents: DOCUMENTS,
  cases: { rule: 'always', fields: CASE_SUMMARY_FIELDS },
  consents: { rule: 'always', fields: CONSENT_FIELDS },
  access: { rule: 'always', fields: ACCESS_FIELDS },
};

const GOAL_FIELDS: FieldMap<GoalView> = {
  id: 'always',
  area: 'always',
  title: 'always',
  status: 'always',
  outcomeNote: 'always',
  measures: { rule: 'always', fields: { id: 'always', title: 'always', owner: 'always', dueDate: 'always', status: 'always' } },
};

const NOTE_FIELDS: FieldMap<NoteView> = {
  id: 'always',
  occurredOn: 'always',
  kind: 'always',
  participants: 'always',
  text: 'always',
  internal: 'always',
  authorName: 'always',
  createdAt: 'always',
};

export const FOLLOW_UP_FIELDS: FieldMap<FollowUpView> = {
  id: 'always',
  caseId: 'always',
  clientId: 'always',
  clientName: 'always',
  title: 'always',
  dueDate: 'always',
  assigneeId: 'always',
  assigneeName: 'always',
  doneAt: 'always',
};

export const CASE_DETAIL_FIELDS: FieldMap<CaseDetail> = {
  ...CASE_SUMMARY_FIELDS,
  clientId: 'always',
  clientName: 'always',
  version: 'always',
  rechtskreise: { rule: 'always', entry: (r: Rechtskreis) => RECHTSKREIS_DATA_CATEGORY[r] },
  // Who moved the case when is the office's own working record.
  phaseHistory: { rule: 'owner', fields: { phase: 'always', on: 'always', byName: 'always' } },
  assessment: { rule: 'always', entry: (a) => lifeAreaRule(a.area), fields: { area: 'always', need: 'always', note: 'always' } },
  goals: { rule: 'always', entry: (g) => lifeAreaRule(g.area), fields: GOAL_FIELDS },
  // "intern" notes never leave the office that wrote them.
  notes: { rule: 'conversation-notes', entry: (n) => (n.internal ? 'owner' : 'always'), fields: NOTE_FIELDS },
  // Wiedervorlagen are the office's own work planning.
  followUps: { rule: 'owner', fields: FOLLOW_UP_FIELDS },
  documents: DOCUMENTS,
  // How and why the case ended is the office's evaluation; the summary is a conversation record as well.
  closure: { rule: 'owner', fields: { reason: 'always', summary: 'conversation-notes' } },
  access: { rule: 'always', fields: ACCESS_FIELDS },
};

const DOCUMENT_CONTENT_FIELDS: FieldMap<DocumentContent> = {
  id: 'always',
  clientId: 'always',
  category: 'always',
  fileName: 'always',
  mimeType: 'always',
  contentBase64: 'always',
  sha256: 'always',
};

/** A response about one client file: its rules are decided with the caller's access to that file. */
function fileOf<E>(client: (e: E) => string, fields: FieldMap<E>, entry?: (e: E) => FieldRule): NodeSpec<E> {
  return { rule: 'always', client, fields, ...(entry ? { entry } : {}) };
}

const followUpsOfFiles = fileOf<FollowUpView>((f) => f.clientId, FOLLOW_UP_FIELDS, () => 'owner');

/**
 * The category a referral is shown under: the most sensitive one it carries. Core shows a referral only to callers
 * who see every category it carries (referral-queries.ts); this rule lets the field check confirm the strictest.
 */
const REFERRAL_CATEGORY_ORDER: readonly DataCategory[] = ['health', 'conversation-notes', 'residence', 'family', 'finances', 'work-education', 'master'];
export const referralRule = (categories: readonly DataCategory[]): FieldRule => REFERRAL_CATEGORY_ORDER.find((c) => categories.includes(c)) ?? 'owner';

export const REFERRAL_FIELDS: FieldMap<ReferralView> = {
  id: 'always',
  version: 'always',
  caseId: 'always',
  clientId: 'always',
  partnerId: 'always',
  partnerName: 'always',
  contactId: 'always',
  contactName: 'always',
  urgency: 'always',
  categories: 'always',
  state: 'always',
  feedbackDue: 'always',
  overdue: 'always',
  sentOn: 'always',
  consentIds: 'always',
  createdAt: 'always',
  // What was asked, the answers' reasons and the history are the keeping office's own working record (like notes).
  details: {
    rule: 'owner',
    fields: {
      request: 'always',
      declinedBy: 'always',
      declineReason: 'always',
      result: 'always',
      failureReason: 'always',
      outcomeNote: 'always',
      followUpId: 'always',
      createdByName: 'always',
      history: { rule: 'always', fields: { state: 'always', on: 'always', byName: 'always', note: 'always' } },
    },
  },
};

const REFERRAL = fileOf<ReferralView>((r) => r.clientId, REFERRAL_FIELDS, (r) => referralRule(r.categories));

const OVERDUE_REFERRALS = fileOf<OverdueReferralView>(
  (r) => r.clientId,
  { id: 'always', caseId: 'always', clientId: 'always', clientName: 'always', partnerName: 'always', sentOn: 'always', feedbackDue: 'always' },
  () => 'owner',
);

/** Which partner holds which data of the person: the keeping office's overview. */
const DATA_HOLDER_FIELDS: FieldMap<DataHolderView> = {
  partnerId: 'always',
  partnerName: 'always',
  categories: 'always',
  sources: { rule: 'always', fields: { kind: 'always', id: 'always', on: 'always', categories: 'always', active: 'always' } },
};

const CONFERENCE_ACTION_FIELDS: FieldMap<ConferenceActionView> = {
  id: 'always',
  whoKind: 'always',
  accountId: 'always',
  partnerId: 'always',
  whoName: 'always',
  what: 'always',
  dueDate: 'always',
  area: 'always',
  goalId: 'always',
  measureId: 'always',
  followUpId: 'always',
  responsibleId: 'always',
  responsibleName: 'always',
  done: 'always',
};

/** An action under a goal belongs to the goal's life area (like the measure it became); the others to the office. */
const conferenceActionRule = (a: { area: LifeArea | null }): FieldRule => (a.area ? lifeAreaRule(a.area) : 'owner');

/**
 * A case conference: that it took place frames the file like the case itself. Who took part, what was agreed and
 * the next date are the keeping office's working record (like follow-ups and the phase history); the situation per
 * life area is gated like the assessment; the results are a conversation record kept in the office (like the
 * closure summary).
 */
export const CONFERENCE_FIELDS: FieldMap<ConferenceView> = {
  id: 'always',
  caseId: 'always',
  clientId: 'always',
  heldOn: 'always',
  heldAt: 'always',
  clientPresent: 'always',
  participants: {
    rule: 'owner',
    fields: { id: 'always', kind: 'always', partnerId: 'always', contactId: 'always', accountId: 'always', name: 'always', contactName: 'always', role: 'always' },
  },
  interpreter: { rule: 'owner', fields: { language: 'always', name: 'always' } },
  consentId: 'owner',
  situations: { rule: 'always', entry: (s) => lifeAreaRule(s.area), fields: { area: 'always', text: 'always' } },
  results: { rule: 'owner', entry: () => 'conversation-notes' },
  actions: { rule: 'owner', entry: conferenceActionRule, fields: CONFERENCE_ACTION_FIELDS },
  nextOn: 'owner',
  nextFollowUpId: 'owner',
  createdByName: 'owner',
  createdAt: 'always',
  version: 'always',
};

const CONFERENCE_ACTION_DUE_FIELDS: FieldMap<ConferenceActionDue> = {
  id: 'always',
  conferenceId: 'always',
  caseId: 'always',
  clientId: 'always',
  clientName: 'always',
  heldOn: 'always',
  what: 'always',
  dueDate: 'always',
  area: 'always',
};
const actionsDueOfFiles = fileOf<ConferenceActionDue>((a) => a.clientId, CONFERENCE_ACTION_DUE_FIELDS, conferenceActionRule);
const CONFERENCE = fileOf<ConferenceView>((c) => c.clientId, CONFERENCE_FIELDS);

const HANDOVER_FIELDS: FieldMap<HandoverView> = {
  id: 'always',
  clientId: 'always',
  fromOffice: 'always',
  toOffice: 'always',
  reason: 'always',
  handedOn: 'always',
  handedByName: 'always',
  acceptedAt: 'always',
  acceptedByName: 'always',
};
const HANDOVER = fileOf<HandoverView>((h) => h.clientId, HANDOVER_FIELDS, () => 'owner');

const WORK_OVERVIEW_FIELDS: FieldMap<WorkOverview> = {
  followUps: { rule: 'always', fields: { overdue: followUpsOfFiles, today: followUpsOfFiles, thisWeek: followUpsOfFiles } },
  conferenceActions: { rule: 'always', fields: { overdue: actionsDueOfFiles, thisWeek: actionsDueOfFiles } },
  expiringResidence: fileOf((s) => s.id, CLIENT_SUMMARY_FIELDS as FieldMap<WorkOverview['expiringResidence'][number]>),
  // Referrals whose partner's answer is overdue: the keeping office's own work planning, like follow-ups.
  overdueReferrals: OVERDUE_REFERRALS,
  // Counts of open cases per phase: no person in them.
  casesPerPhase: {
    rule: 'always',
    fields: { intake: 'always', assessment: 'always', planning: 'always', implementation: 'always', evaluation: 'always', closure: 'always' },
  },
};

const CASE_MANAGER_FIELDS: FieldMap<CaseManagerOption> = { id: 'always', displayName: 'always', office: 'always' };

const CONFLICT_SIDE: FieldMap<ConflictSide> = { value: 'always', actorName: 'always', at: 'always' };
/** Conflicts are the keeping office's own work; each one also needs the category of its field. */
const CONFLICTS = fileOf<SyncConflictView>(
  (c) => c.clientId,
  {
    id: 'always',
    clientId: 'always',
    clientName: 'always',
    entity: 'always',
    entityId: 'always',
    field: 'always',
    category: 'always',
    winner: { rule: 'always', fields: CONFLICT_SIDE },
    other: { rule: 'always', fields: CONFLICT_SIDE },
    detectedAt: 'always',
  },
  (c) => c.category ?? 'owner',
);

const CLIENT_DETAIL = fileOf<ClientDetail>((d) => d.id, CLIENT_DETAIL_FIELDS);
const CASE_DETAIL = fileOf<CaseDetail>((d) => d.clientId, CASE_DETAIL_FIELDS);
const SEARCH_HITS = fileOf<SearchHit>((h) => h.id, SEARCH_HIT_FIELDS);

/** The field map of every client-data method's response; a new method does not compile without one. */
export const RESPONSE_FIELDS: { readonly [M in CaseWorkMethod | DataSubjectMethod]: FieldSpec<OutputOf<M>> } = {
  'accounts.caseManagers': { rule: 'always', fields: CASE_MANAGER_FIELDS },
  'clients.search': SEARCH_HITS,
  'clients.checkDuplicates': SEARCH_HITS,
  'clients.list': { rule: 'always', fields: { rows: fileOf((s) => s.id, CLIENT_SUMMARY_FIELDS), total: 'always' } },
  'clients.create': CLIENT_DETAIL,
  'clients.get': CLIENT_DETAIL,
  'clients.update': CLIENT_DETAIL,
  'household.add': CLIENT_DETAIL,
  'household.remove': CLIENT_DETAIL,
  'residence.add': CLIENT_DETAIL,
  'residence.remove': CLIENT_DETAIL,
  'documents.upload': fileOf((d) => d.clientId, DOCUMENT_FIELDS, (d) => documentRule(d.category)),
  'documents.content': fileOf((d) => d.clientId, DOCUMENT_CONTENT_FIELDS, (d) => documentRule(d.category)),
  'documents.delete': 'always',
  'consents.add': CLIENT_DETAIL,
  'consents.revoke': CLIENT_DETAIL,
  // The form holds the consent and the client's identity: the keeping office only (the guard allows no one else).
  'consents.printForm': fileOf<PrintDocument>((d) => d.clientId, { clientId: 'always', fileName: 'owner', html: 'owner' }),
  'cases.open': CASE_DETAIL,
  'cases.get': CASE_DETAIL,
  'cases.setPhase': CASE_DETAIL,
  'cases.close': CASE_DETAIL,
  'assessment.set': CASE_DETAIL,
  'goals.add': CASE_DETAIL,
  'goals.setStatus': CASE_DETAIL,
  'measures.add': CASE_DETAIL,
  'measures.setStatus': CASE_DETAIL,
  'notes.add': CASE_DETAIL,
  'followUps.add': CASE_DETAIL,
  'followUps.complete': followUpsOfFiles,
  'conferences.list': CONFERENCE,
  'conferences.save': CONFERENCE,
  'conferenceActions.setDone': CONFERENCE,
  'conferences.printMinutes': fileOf<PrintDocument>((d) => d.clientId, { clientId: 'always', fileName: 'owner', html: 'owner' }),
  'work.overview': { rule: 'always', fields: WORK_OVERVIEW_FIELDS },
  'conflicts.list': CONFLICTS,
  'conflicts.resolve': CONFLICTS,
  'referrals.list': REFERRAL,
  'referrals.create': REFERRAL,
  'referrals.update': REFERRAL,
  'referrals.send': REFERRAL,
  'referrals.feedback': REFERRAL,
  'referrals.reopen': REFERRAL,
  'referrals.delete': 'always',
  'referrals.dataHolders': { rule: 'always', fields: DATA_HOLDER_FIELDS },
  'referrals.print': fileOf<PrintDocument>((d) => d.clientId, { clientId: 'always', fileName: 'owner', html: 'owner' }),
  // Hand-overs are the keeping office's records (the guards let no one else call): every field is 'owner'.
  'handovers.prepare': fileOf<HandoverPreparation>((p) => p.clientId, {
    clientId: 'always',
    heldCategories: 'owner',
    networkJoined: 'owner',
    offices: { rule: 'owner', fields: { office: 'always', inNetwork: 'always', consents: { rule: 'always', fields: { id: 'always', validFrom: 'always', validUntil: 'always', missing: 'always' } } } },
  }),
  'handovers.send': 'always',
  'handovers.list': HANDOVER,
  'handovers.incoming': fileOf<IncomingHandover>((h) => h.clientId, { ...HANDOVER_FIELDS, clientName: 'always', birthDate: 'always' }, () => 'owner'),
  'handovers.accept': HANDOVER,
  // The Art. 15 report holds the whole file: the keeping office only (subject-access.ts lets no one else in).
  'dataSubject.accessPreview': fileOf<AccessReportPreview>((p) => p.clientId, {
    clientId: 'always',
    displayName: 'always',
    birthDate: 'always',
    office: 'owner',
    suggestedLanguage: 'owner',
    counts: {
      rule: 'owner',
      fields: { cases: 'owner', goals: 'owner', measures: 'owner', notes: 'owner', documents: 'owner', consents: 'owner', referrals: 'owner', conferences: 'owner', residence: 'owner', household: 'owner', mentions: 'owner' },
    },
    recipients: 'owner',
    viewers: 'owner',
    categories: 'owner',
    retention: { rule: 'owner', fields: { kind: 'owner', years: 'owner', from: 'owner', basisDate: 'owner', keepUntil: 'owner' } },
    withheld: 'owner',
  }),
  'dataSubject.accessReport': fileOf<PrintDocument>((d) => d.clientId, { clientId: 'always', fileName: 'owner', html: 'owner' }),
};
