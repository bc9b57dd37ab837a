import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from '../../../electron/core/platform/vault/sqlcipher';
import type { GeneratedClient } from '../generate/generator';

/** Rows written per table. */
export interface DemoCounts {
  clients: number;
  nameKeys: number;
  householdMembers: number;
  residenceStatuses: number;
  cases: number;
  phaseEvents: number;
  assessments: number;
  goals: number;
  measures: number;
  notes: number;
  followUps: number;
  consents: number;
  consentGrants: number;
}

export const emptyCounts = (): DemoCounts => ({
  clients: 0,
  nameKeys: 0,
  householdMembers: 0,
  residenceStatuses: 0,
  cases: 0,
  phaseEvents: 0,
  assessments: 0,
  goals: 0,
  measures: 0,
  notes: 0,
  followUps: 0,
  consents: 0,
  consentGrants: 0,
});

const CONSENT_COLUMNS = [
  'id', 'client_id', 'office', 'parties', 'agencies', 'categories', 'purpose', 'valid_from', 'valid_until', 'form', 'document_id',
  'oral_record', 'recorded_by', 'revoked_on', 'revocation_form', 'revocation_note', 'revoked_by', 'created_at', 'updated_at', 'version',
] as const;

const insert = (table: string, columns: readonly string[]) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

/** SQLite has no boolean: the entities' boolean columns hold 0/1 (better-sqlite3 refuses to bind true/false). */
const bit = (b: boolean) => (b ? 1 : 0);

/**
 * Writes generated clients through prepared statements on the vault's own connection, one transaction per batch:
 * the fast path for 50,000 clients and a million notes (TypeORM's insert builds SQL per row). It fills the same
 * tables and columns the services fill, including the search keys and the denormalised current status.
 *
 * Deliberately NOT written: change_entry rows. Demo data must never be synced to another office, and without change
 * entries the sync has nothing to send. The one audit entry for the whole import is written by the caller.
 */
export class BulkWriter {
  private readonly s: Record<keyof DemoCounts, Statement>;
  private readonly writeBatch: (batch: GeneratedClient[]) => void;
  readonly counts = emptyCounts();

  constructor(db: SqliteDatabase) {
    this.s = {
      clients: db.prepare(
        insert('client', [
          'id', 'office', 'family_name', 'given_names', 'alternative_names', 'birth_date', 'birth_date_placeholder', 'gender',
          'nationalities', 'languages', 'arrival_date', 'street', 'postal_code', 'city', 'phone', 'email', 'sort_name',
          'current_status_type', 'current_status_basis', 'current_status_until', 'created_at', 'updated_at', 'version',
        ]),
      ),
      nameKeys: db.prepare(insert('client_name_key', ['key', 'client_id'])),
      householdMembers: db.prepare(insert('household_member', ['id', 'client_id', 'name', 'relation', 'birth_year', 'created_at'])),
      residenceStatuses: db.prepare(insert('residence_status', ['id', 'client_id', 'type', 'legal_basis', 'valid_from', 'valid_until', 'created_at'])),
      cases: db.prepare(
        insert('kim_case', ['id', 'client_id', 'office', 'case_manager_id', 'phase', 'rechtskreise', 'opened_on', 'closed_on', 'closure_reason', 'closure_summary', 'updated_at', 'version']),
      ),
      phaseEvents: db.prepare(insert('case_phase_event', ['case_id', 'phase', 'on_date', 'by_id'])),
      assessments: db.prepare(insert('assessment', ['case_id', 'area', 'need', 'note'])),
      goals: db.prepare(insert('goal', ['id', 'case_id', 'area', 'title', 'status', 'outcome_note', 'created_at'])),
      measures: db.prepare(insert('measure', ['id', 'goal_id', 'title', 'owner', 'due_date', 'status'])),
      notes: db.prepare(insert('note', ['id', 'case_id', 'client_id', 'occurred_on', 'kind', 'participants', 'text', 'internal', 'author_id', 'created_at'])),
      followUps: db.prepare(insert('follow_up', ['id', 'case_id', 'client_id', 'title', 'due_date', 'assignee_id', 'done_at', 'created_at'])),
      consents: db.prepare(insert('consent', [...CONSENT_COLUMNS])),
      consentGrants: db.prepare(insert('consent_grant', ['consent_id', 'party', 'category', 'client_id'])),
    };
    this.writeBatch = db.transaction((batch: GeneratedClient[]) => {
      for (const c of batch) this.writeClient(c);
    });
  }

  /** Writes the batch in one transaction: all of it or nothing. */
  write(batch: GeneratedClient[]): void {
    this.writeBatch(batch);
  }

  private run(table: keyof DemoCounts, params: unknown[]): void {
    this.s[table].run(params);
    this.counts[table]++;
  }

  private writeClient({ person, cases, consents }: GeneratedClient): void {
    const c = person.client;
    this.run('clients', [
      c.id, c.office, c.familyName, c.givenNames, c.alternativeNames, c.birthDate, bit(c.birthDatePlaceholder), c.gender,
      c.nationalities, c.languages, c.arrivalDate, c.street, c.postalCode, c.city, c.phone, c.email, c.sortName,
      c.currentStatusType, c.currentStatusBasis, c.currentStatusUntil, c.createdAt, c.updatedAt, c.version,
    ]);
    for (const key of person.nameKeys) this.run('nameKeys', [key, c.id]);
    for (const h of person.household) this.run('householdMembers', [h.id, h.clientId, h.name, h.relation, h.birthYear, h.createdAt]);
    for (const r of person.residence) this.run('residenceStatuses', [r.id, r.clientId, r.type, r.legalBasis, r.validFrom, r.validUntil, r.createdAt]);
    for (const k of cases) {
      const kc = k.kase;
      this.run('cases', [kc.id, kc.clientId, kc.office, kc.caseManagerId, kc.phase, kc.rechtskreise, kc.openedOn, kc.closedOn, kc.closureReason, kc.closureSummary, kc.updatedAt, kc.version]);
      for (const e of k.phaseEvents) this.run('phaseEvents', [e.caseId, e.phase, e.on, e.byId]);
      for (const a of k.assessment) this.run('assessments', [a.caseId, a.area, a.need, a.note]);
      for (const g of k.goals) this.run('goals', [g.id, g.caseId, g.area, g.title, g.status, g.outcomeNote, g.createdAt]);
      for (const m of k.measures) this.run('measures', [m.id, m.goalId, m.title, m.owner, m.dueDate, m.status]);
      for (const n of k.notes) this.run('notes', [n.id, n.caseId, n.clientId, n.occurredOn, n.kind, n.participants, n.text, bit(n.internal), n.authorId, n.createdAt]);
      for (const f of k.followUps) this.run('followUps', [f.id, f.caseId, f.clientId, f.title, f.dueDate, f.assigneeId, f.doneAt, f.createdAt]);
    }
    for (const { consent: k, grants } of consents) {
      this.run('consents', [
        k.id, k.clientId, k.office, k.parties, k.agencies, k.categories, k.purpose, k.validFrom, k.validUntil, k.form, k.documentId,
        k.oralRecord, k.recordedBy, k.revokedOn, k.revocationForm, k.revocationNote, k.revokedBy, k.createdAt, k.updatedAt, k.version,
      ]);
      for (const g of grants) this.run('consentGrants', [g.consentId, g.party, g.category, g.clientId]);
    }
  }
}
