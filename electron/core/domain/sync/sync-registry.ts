import type { FieldRule } from '../../contract/response-fields';
import { documentRule, RECHTSKREIS_DATA_CATEGORY } from '../../contract/response-fields';
import { LIFE_AREA_DATA_CATEGORY, type KeyProtectedCategory } from '../../contract/data-categories';
import type { DocumentCategory, LifeArea, Rechtskreis } from '../../contract/case-domain';
import { fieldPlace } from '../../platform/vault/field-cipher';

/**
 * What sync carries of each entity: its table, how the change log names a row, each field's column and who may
 * receive it (the same rules as the API's response fields, contract/response-fields.ts), and which fields are
 * stored under a category key. Columns not listed (sort keys, copies of the current status or case, versions) are
 * derived on the receiving workstation. Follow-ups, the phase history, referrals and case conferences never leave
 * the keeping office; local accounts travel only as the staff rows that synced rows name. A document's row travels here; its content goes
 * beside the file as an encrypted copy on the share (document-copies.ts), and its local file name and key are the
 * receiver's own. The partner directory is the network's, not an office's: it travels whole to every office.
 */
export interface SyncField {
  column: string;
  /** 'row': as the row's own rule. */
  rule: FieldRule | 'row';
  /** Stored under this category's key, bound to the field's place (field-cipher.ts). */
  protectedBy?: KeyProtectedCategory | ((row: SourceRow) => KeyProtectedCategory | null);
  /** An account id: the receiver needs the account as a row (foreign keys, author names). */
  account?: boolean;
  /** A NOT NULL account column: a copy that was not sent it names the keeping office's placeholder account. */
  required?: boolean;
  /** Fills a NOT NULL column the receiver was not sent. */
  empty?: string | number;
  /** Narrows a value for another office (e.g. only the Rechtskreise of consented categories). */
  narrow?: (value: unknown, allows: (rule: FieldRule) => boolean) => unknown;
}

/**
 * A row as read for export: its columns plus `_client` (the client file; null for the directory's rows) and what
 * the row rule needs.
 */
export type SourceRow = Record<string, unknown> & { _client: string | null };

export interface SyncEntity {
  entity: string;
  table: string;
  /** The entity id of a row, as SQL over the table (alias t). */
  idSql: string;
  /** The key columns, in the order the entity id joins them with '/'. */
  keyColumns: string[];
  /** The row's client file, as SQL (alias t, and the joins). */
  clientSql: string;
  /** The life area the row's category follows, when not its own column (a measure follows its goal). */
  areaSql?: string;
  /** Joins for clientSql and areaSql. */
  joinSql?: string;
  fields: Readonly<Record<string, SyncField>>;
  /** Who may receive the row at all. */
  rowRule: (row: SourceRow) => FieldRule;
  parent?: { entity: string; field: string };
  /** Parents are applied before children in a file. */
  order: number;
  /**
   * Shared by the whole network rather than kept by one office (the partner directory): no client file
   * (clientSql NULL), every office receives every row and may write it, and the receiver keeps no keeper check.
   */
  network?: true;
}

const always = (column: string, extra: Partial<SyncField> = {}): SyncField => ({ column, rule: 'always', ...extra });
const byRow = (column: string, extra: Partial<SyncField> = {}): SyncField => ({ column, rule: 'row', ...extra });

const medical = (row: SourceRow): KeyProtectedCategory | null => (documentRule(row['category'] as DocumentCategory) === 'health' ? 'health' : null);

const healthArea = (row: SourceRow): KeyProtectedCategory | null => (row['area'] === 'health' || row['_area'] === 'health' ? 'health' : null);

/**
 * What the network shares rather than an office keeps: the partner directory (one for the three offices and the
 * ABH, kept by Koordination wherever it sits, with the changes case managers propose and their decisions) and the
 * structural findings. No client data: every field goes to every office.
 */
export const NETWORK_SYNC_ENTITIES: readonly SyncEntity[] = [
  {
    entity: 'partner',
    table: 'partner',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'NULL',
    order: 0,
    network: true,
    rowRule: () => 'always',
    fields: {
      name: always('name'),
      kind: always('kind'),
      rechtskreise: always('rechtskreise'),
      street: always('street'),
      postalCode: always('postal_code'),
      city: always('city'),
      openingHours: always('opening_hours'),
      phone: always('phone'),
      email: always('email'),
      languages: always('languages'),
      services: always('services'),
      offices: always('offices'),
      notes: always('notes'),
      archivedAt: always('archived_at'),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'partner_contact',
    table: 'partner_contact',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'NULL',
    order: 1,
    network: true,
    parent: { entity: 'partner', field: 'partnerId' },
    rowRule: () => 'always',
    fields: {
      partnerId: always('partner_id'),
      name: always('name'),
      function: always('function'),
      phone: always('phone'),
      email: always('email'),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'partner_proposal',
    table: 'partner_proposal',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'NULL',
    // After partners and contacts: an accepted proposal names the partner or contact it created.
    order: 2,
    network: true,
    rowRule: () => 'always',
    fields: {
      target: always('target'),
      partnerId: always('partner_id'),
      contactId: always('contact_id'),
      payload: always('payload'),
      base: always('base'),
      comment: always('comment'),
      proposedBy: always('proposed_by', { account: true }),
      proposedAt: always('proposed_at'),
      status: always('status'),
      decidedBy: always('decided_by', { account: true }),
      decidedAt: always('decided_at'),
      decisionNote: always('decision_note'),
    },
  },
  {
    // Structural findings (Systemhinweise): no personal data, counted by Koordination across offices.
    entity: 'structural_finding',
    table: 'structural_finding',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'NULL',
    order: 0,
    network: true,
    rowRule: () => 'always',
    fields: {
      office: always('office'),
      area: always('area'),
      barrier: always('barrier'),
      partnerId: always('partner_id'),
      partnerKind: always('partner_kind'),
      description: always('description'),
      observedIn: always('observed_in'),
      recordedBy: always('recorded_by', { account: true }),
      withdrawnAt: always('withdrawn_at'),
      createdAt: always('created_at'),
    },
  },
];

export const SYNC_ENTITIES: readonly SyncEntity[] = [
  {
    entity: 'client',
    table: 'client',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.id',
    order: 0,
    rowRule: () => 'always',
    fields: {
      office: always('office'),
      familyName: always('family_name'),
      givenNames: always('given_names'),
      alternativeNames: always('alternative_names'),
      birthDate: always('birth_date'),
      birthDatePlaceholder: always('birth_date_placeholder'),
      gender: { column: 'gender', rule: 'master', empty: '' },
      nationalities: { column: 'nationalities', rule: 'master', empty: '[]' },
      languages: { column: 'languages', rule: 'master', empty: '[]' },
      arrivalDate: { column: 'arrival_date', rule: 'master' },
      street: { column: 'street', rule: 'master' },
      postalCode: { column: 'postal_code', rule: 'master' },
      city: { column: 'city', rule: 'master' },
      phone: { column: 'phone', rule: 'master' },
      email: { column: 'email', rule: 'master' },
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'residence_status',
    table: 'residence_status',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 1,
    parent: { entity: 'client', field: 'clientId' },
    rowRule: () => 'residence',
    fields: {
      clientId: always('client_id'),
      type: byRow('type'),
      legalBasis: byRow('legal_basis'),
      validFrom: byRow('valid_from'),
      validUntil: byRow('valid_until'),
      createdAt: always('created_at'),
    },
  },
  {
    // Restriction of processing (Art. 18): the keeping office's workstations all refuse writes to the file.
    entity: 'client_restriction',
    table: 'client_restriction',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 1,
    parent: { entity: 'client', field: 'clientId' },
    rowRule: () => 'owner',
    fields: {
      clientId: always('client_id'),
      reason: byRow('reason'),
      restrictedBy: always('restricted_by', { account: true, required: true }),
      restrictedAt: always('restricted_at'),
    },
  },
  {
    entity: 'household_member',
    table: 'household_member',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 1,
    parent: { entity: 'client', field: 'clientId' },
    rowRule: () => 'family',
    fields: {
      clientId: always('client_id'),
      name: byRow('name'),
      relation: byRow('relation'),
      birthYear: byRow('birth_year'),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'case',
    table: 'kim_case',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 1,
    parent: { entity: 'client', field: 'clientId' },
    rowRule: () => 'always',
    fields: {
      clientId: always('client_id'),
      office: always('office'),
      caseManagerId: { column: 'case_manager_id', rule: 'owner', account: true, required: true },
      phase: always('phase'),
      rechtskreise: {
        column: 'rechtskreise',
        rule: 'always',
        empty: '[]',
        narrow: (v, allows) => JSON.stringify((JSON.parse(String(v)) as Rechtskreis[]).filter((r) => allows(RECHTSKREIS_DATA_CATEGORY[r]))),
      },
      openedOn: always('opened_on'),
      closedOn: always('closed_on'),
      closureReason: { column: 'closure_reason', rule: 'owner' },
      closureSummary: { column: 'closure_summary', rule: 'owner', protectedBy: 'conversation-notes' },
    },
  },
  {
    entity: 'assessment',
    table: 'assessment',
    idSql: `t.case_id || '/' || t.area`,
    keyColumns: ['case_id', 'area'],
    clientSql: 'k.client_id',
    joinSql: 'JOIN kim_case k ON k.id = t.case_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    rowRule: (r) => LIFE_AREA_DATA_CATEGORY[r['area'] as LifeArea],
    fields: {
      caseId: always('case_id'),
      area: always('area'),
      need: byRow('need'),
      note: byRow('note', { protectedBy: healthArea }),
    },
  },
  {
    entity: 'goal',
    table: 'goal',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'k.client_id',
    joinSql: 'JOIN kim_case k ON k.id = t.case_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    rowRule: (r) => LIFE_AREA_DATA_CATEGORY[r['area'] as LifeArea],
    fields: {
      caseId: always('case_id'),
      area: always('area'),
      title: byRow('title', { protectedBy: healthArea }),
      status: byRow('status'),
      outcomeNote: byRow('outcome_note', { protectedBy: healthArea }),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'measure',
    table: 'measure',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'k.client_id',
    areaSql: 'g.area',
    joinSql: 'JOIN goal g ON g.id = t.goal_id JOIN kim_case k ON k.id = g.case_id',
    order: 3,
    parent: { entity: 'goal', field: 'goalId' },
    rowRule: (r) => LIFE_AREA_DATA_CATEGORY[r['_area'] as LifeArea],
    fields: {
      goalId: always('goal_id'),
      title: byRow('title', { protectedBy: healthArea }),
      owner: byRow('owner'),
      dueDate: byRow('due_date'),
      status: byRow('status'),
    },
  },
  {
    entity: 'note',
    table: 'note',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    // "intern" notes never leave the office that wrote them.
    rowRule: (r) => (Number(r['internal']) ? 'owner' : 'conversation-notes'),
    fields: {
      caseId: always('case_id'),
      clientId: always('client_id'),
      occurredOn: byRow('occurred_on'),
      kind: byRow('kind'),
      participants: byRow('participants', { protectedBy: 'conversation-notes' }),
      text: byRow('text', { protectedBy: 'conversation-notes' }),
      internal: always('internal'),
      authorId: always('author_id', { account: true }),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'follow_up',
    table: 'follow_up',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    rowRule: () => 'owner',
    fields: {
      caseId: always('case_id'),
      clientId: always('client_id'),
      title: always('title'),
      dueDate: always('due_date'),
      assigneeId: always('assignee_id', { account: true }),
      doneAt: always('done_at'),
      createdAt: always('created_at'),
    },
  },
  {
    // A hand-over of the file to another of our offices (Fallübergabe): the keeping office's record, which travels
    // with the whole file to the new keeping office (data-export.ts: handed files) and to both offices' workstations.
    entity: 'file_handover',
    table: 'file_handover',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 1,
    parent: { entity: 'client', field: 'clientId' },
    rowRule: () => 'owner',
    fields: {
      clientId: always('client_id'),
      fromOffice: always('from_office'),
      toOffice: always('to_office'),
      consentId: always('consent_id'),
      reason: always('reason'),
      handedOn: always('handed_on'),
      handedBy: always('handed_by', { account: true, required: true }),
      acceptedAt: always('accepted_at'),
      acceptedBy: always('accepted_by', { account: true }),
      createdAt: always('created_at'),
    },
  },
  {
    // Referrals never leave the keeping office (like follow-ups); they travel to its other workstations.
    entity: 'referral',
    table: 'referral',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    rowRule: () => 'owner',
    fields: {
      caseId: always('case_id'),
      clientId: always('client_id'),
      partnerId: always('partner_id'),
      contactId: always('contact_id'),
      request: always('request', { empty: '' }),
      urgency: always('urgency', { empty: 'normal' }),
      categories: always('categories', { empty: '[]' }),
      consentIds: always('consent_ids', { empty: '[]' }),
      state: always('state', { empty: 'draft' }),
      feedbackDue: always('feedback_due'),
      followUpId: always('follow_up_id'),
      sentOn: always('sent_on'),
      acceptedOn: always('accepted_on'),
      declinedBy: always('declined_by'),
      declineReason: always('decline_reason'),
      result: always('result'),
      failureReason: always('failure_reason'),
      outcomeNote: always('outcome_note'),
      createdBy: always('created_by', { account: true, required: true }),
      createdAt: always('created_at'),
      deletedAt: always('deleted_at'),
      deletedBy: always('deleted_by', { account: true }),
      deleteReason: always('delete_reason'),
    },
  },
  {
    entity: 'referral_event',
    table: 'referral_event',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'r.client_id',
    joinSql: 'JOIN referral r ON r.id = t.referral_id',
    order: 3,
    parent: { entity: 'referral', field: 'referralId' },
    rowRule: () => 'owner',
    fields: {
      referralId: always('referral_id'),
      state: always('state'),
      on: always('on_date'),
      byId: always('by_id', { account: true, required: true }),
      note: always('note'),
      at: always('at'),
    },
  },
  {
    // Case conferences are the keeping office's case work (like referrals): they travel to its other workstations,
    // never to another office; what a consent shares of them leaves as printed minutes, not by sync.
    entity: 'case_conference',
    table: 'case_conference',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    rowRule: () => 'owner',
    fields: {
      caseId: always('case_id'),
      clientId: always('client_id'),
      heldOn: always('held_on'),
      heldAt: always('held_at'),
      clientPresent: always('client_present', { empty: 0 }),
      interpreterLanguage: always('interpreter_language'),
      interpreterName: always('interpreter_name'),
      consentId: always('consent_id'),
      results: always('results', { protectedBy: 'conversation-notes' }),
      nextOn: always('next_on'),
      nextFollowUpId: always('next_follow_up_id'),
      createdBy: always('created_by', { account: true, required: true }),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'case_conference_participant',
    table: 'case_conference_participant',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'c.client_id',
    joinSql: 'JOIN case_conference c ON c.id = t.conference_id',
    order: 3,
    parent: { entity: 'case_conference', field: 'conferenceId' },
    rowRule: () => 'owner',
    fields: {
      conferenceId: always('conference_id'),
      kind: always('kind'),
      partnerId: always('partner_id'),
      contactId: always('contact_id'),
      accountId: always('account_id', { account: true }),
      role: always('role'),
      position: always('position', { empty: 0 }),
    },
  },
  {
    entity: 'case_conference_situation',
    table: 'case_conference_situation',
    idSql: `t.conference_id || '/' || t.area`,
    keyColumns: ['conference_id', 'area'],
    clientSql: 'c.client_id',
    joinSql: 'JOIN case_conference c ON c.id = t.conference_id',
    order: 3,
    parent: { entity: 'case_conference', field: 'conferenceId' },
    rowRule: () => 'owner',
    fields: {
      conferenceId: always('conference_id'),
      area: always('area'),
      text: always('text', { protectedBy: healthArea }),
    },
  },
  {
    // After measures and follow-ups (order 3 and 2): an action names the one it became.
    entity: 'case_conference_action',
    table: 'case_conference_action',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 'c.client_id',
    joinSql: 'JOIN case_conference c ON c.id = t.conference_id',
    order: 4,
    parent: { entity: 'case_conference', field: 'conferenceId' },
    rowRule: () => 'owner',
    fields: {
      conferenceId: always('conference_id'),
      whoKind: always('who_kind'),
      accountId: always('account_id', { account: true }),
      partnerId: always('partner_id'),
      what: always('what', { protectedBy: healthArea }),
      dueDate: always('due_date'),
      area: always('area'),
      goalId: always('goal_id'),
      measureId: always('measure_id'),
      followUpId: always('follow_up_id'),
      responsibleId: always('responsible_id', { account: true, required: true }),
      createdAt: always('created_at'),
    },
  },
  {
    entity: 'document',
    table: 'document',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 2,
    // A document of the file (no case) waits for its client only; clientOfNew reads clientId first.
    parent: { entity: 'case', field: 'caseId' },
    // Each document by its own category; uncategorised ones ("Sonstiges") stay in the keeping office.
    rowRule: (r) => documentRule(r['category'] as DocumentCategory),
    fields: {
      clientId: always('client_id'),
      caseId: always('case_id'),
      fileName: always('file_name', { protectedBy: medical }),
      mimeType: always('mime_type'),
      category: always('category'),
      size: always('size'),
      sha256: always('sha256'),
      createdAt: always('created_at'),
      createdBy: always('created_by', { account: true }),
    },
  },
  {
    // The integer id is only the local order of arrival; the uid names the event on every workstation.
    entity: 'phase_event',
    table: 'case_phase_event',
    idSql: 't.uid',
    keyColumns: ['uid'],
    clientSql: 'k.client_id',
    joinSql: 'JOIN kim_case k ON k.id = t.case_id',
    order: 2,
    parent: { entity: 'case', field: 'caseId' },
    // Who moved the case when is the office's own working record (response-fields.ts: phaseHistory is 'owner').
    rowRule: () => 'owner',
    fields: {
      caseId: always('case_id'),
      phase: always('phase'),
      on: always('on_date'),
      byId: always('by_id', { account: true, required: true }),
    },
  },
  {
    entity: 'consent',
    table: 'consent',
    idSql: 't.id',
    keyColumns: ['id'],
    clientSql: 't.client_id',
    order: 1,
    parent: { entity: 'client', field: 'clientId' },
    // A consent party receives the consents of the file (they are the basis of its access); which ones, the export decides.
    rowRule: () => 'always',
    fields: {
      clientId: always('client_id'),
      office: always('office'),
      parties: always('parties'),
      agencies: always('agencies'),
      partnerIds: { column: 'partner_ids', rule: 'always', empty: '[]' },
      categories: always('categories'),
      purpose: always('purpose'),
      validFrom: always('valid_from'),
      validUntil: always('valid_until'),
      form: always('form'),
      oralRecord: always('oral_record'),
      recordedBy: always('recorded_by', { account: true }),
      revokedOn: always('revoked_on'),
      revocationForm: always('revocation_form'),
      revocationNote: always('revocation_note'),
      revokedBy: always('revoked_by', { account: true }),
      createdAt: always('created_at'),
    },
  },
  ...NETWORK_SYNC_ENTITIES,
];

export const SYNC_ENTITY = new Map(SYNC_ENTITIES.map((e) => [e.entity, e]));

/** The account a copied case names when its manager is the keeping office's own business. */
export const officePlaceholderAccount = (office: string) => `office:${office}`;

/** What a copy holds in a field it was not sent. */
export function emptyValue(f: SyncField, keepingOffice: string): string | number | null {
  return f.required ? officePlaceholderAccount(keepingOffice) : (f.empty ?? null);
}

/** The category key a field of this row is stored under, if any. */
export function protectedCategory(f: SyncField, row: SourceRow): KeyProtectedCategory | null {
  if (!f.protectedBy) return null;
  return typeof f.protectedBy === 'function' ? f.protectedBy(row) : f.protectedBy;
}

/** The place a protected value's ciphertext is bound to (the same as the writers use: cases/protected-fields.ts). */
export function placeOf(entity: string, entityId: string, field: string): string {
  return fieldPlace(entity, entityId, field);
}
