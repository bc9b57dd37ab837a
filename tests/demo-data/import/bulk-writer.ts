import type { DataSource } from 'typeorm';
import type { SqliteDatabase } from '../../../electron/core/platform/vault/sqlcipher';
import { ClientEntity, ClientNameKeyEntity, HouseholdMemberEntity, ResidenceStatusEntity } from '../../../electron/core/domain/clients/client-entities';
import {
  AssessmentEntity,
  CasePhaseEventEntity,
  type CasePhaseEvent,
  FollowUpEntity,
  GoalEntity,
  KimCaseEntity,
  MeasureEntity,
  NoteEntity,
} from '../../../electron/core/domain/cases/case-entities';
import { ConsentEntity, ConsentGrantEntity } from '../../../electron/core/domain/consent/consent-entities';
import { ReferralEntity, ReferralEventEntity } from '../../../electron/core/domain/referrals/referral-entities';
import type { GeneratedClient } from '../generate/generator';
import type { GeneratedDirectory } from '../generate/partners';
import { PartnerContactEntity, PartnerEntity } from '../../../electron/core/domain/partners/partner-entities';
import { StructuralFindingEntity, type StructuralFinding } from '../../../electron/core/domain/findings/finding-entities';
import type { GeneratedCase } from '../generate/case-history';
import type { FieldCipher } from '../../../electron/core/platform/vault/field-cipher';
import {
  assessmentPlace,
  casePlace,
  conferenceActionPlace,
  conferenceResultsPlace,
  conferenceSituationPlace,
  goalPlace,
  measurePlace,
  notePlace,
} from '../../../electron/core/domain/cases/protected-fields';
import {
  CaseConferenceEntity,
  ConferenceActionEntity,
  ConferenceParticipantEntity,
  ConferenceSituationEntity,
} from '../../../electron/core/domain/conferences/conference-entities';
import type { GeneratedConference } from '../generate/conferences';
import { entityInsert, type InsertRow } from './entity-insert';

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
  partners: number;
  partnerContacts: number;
  findings: number;
  referrals: number;
  referralEvents: number;
  conferences: number;
  conferenceParticipants: number;
  conferenceSituations: number;
  conferenceActions: number;
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
  partners: 0,
  partnerContacts: 0,
  findings: 0,
  referrals: 0,
  referralEvents: 0,
  conferences: 0,
  conferenceParticipants: 0,
  conferenceSituations: 0,
  conferenceActions: 0,
});

function tableInserts(db: SqliteDatabase, dataSource: DataSource) {
  return {
    clients: entityInsert(db, dataSource, ClientEntity),
    nameKeys: entityInsert(db, dataSource, ClientNameKeyEntity),
    householdMembers: entityInsert(db, dataSource, HouseholdMemberEntity),
    residenceStatuses: entityInsert(db, dataSource, ResidenceStatusEntity),
    cases: entityInsert(db, dataSource, KimCaseEntity),
    phaseEvents: entityInsert<CasePhaseEvent, 'id'>(db, dataSource, CasePhaseEventEntity),
    assessments: entityInsert(db, dataSource, AssessmentEntity),
    goals: entityInsert(db, dataSource, GoalEntity),
    measures: entityInsert(db, dataSource, MeasureEntity),
    notes: entityInsert(db, dataSource, NoteEntity),
    followUps: entityInsert(db, dataSource, FollowUpEntity),
    consents: entityInsert(db, dataSource, ConsentEntity),
    consentGrants: entityInsert(db, dataSource, ConsentGrantEntity),
    partners: entityInsert(db, dataSource, PartnerEntity),
    partnerContacts: entityInsert(db, dataSource, PartnerContactEntity),
    findings: entityInsert(db, dataSource, StructuralFindingEntity),
    referrals: entityInsert(db, dataSource, ReferralEntity),
    referralEvents: entityInsert(db, dataSource, ReferralEventEntity),
    conferences: entityInsert(db, dataSource, CaseConferenceEntity),
    conferenceParticipants: entityInsert(db, dataSource, ConferenceParticipantEntity),
    conferenceSituations: entityInsert(db, dataSource, ConferenceSituationEntity),
    conferenceActions: entityInsert(db, dataSource, ConferenceActionEntity),
  } satisfies Record<keyof DemoCounts, InsertRow<never>>;
}
type TableInserts = ReturnType<typeof tableInserts>;

/**
 * Writes generated clients through prepared statements on the vault's own connection, one transaction per batch:
 * the fast path for 50,000 clients and a million notes. Tables, columns and value conversion come from the same
 * entity schemas the services write (see entity-insert.ts); the rows themselves are built by the generator with
 * the services' rules (name keys, sort name, current status).
 *
 * Deliberately NOT written: change_entry rows. Demo data must never be synced to another office, and without change
 * entries the sync has nothing to send. The one audit entry for the whole import is written by the caller.
 */
export class BulkWriter {
  private readonly insert: TableInserts;
  private readonly writeBatch: (batch: GeneratedClient[]) => void;
  private readonly writeDirectoryRows: (directory: GeneratedDirectory) => void;
  private readonly writeFindingRows: (findings: StructuralFinding[]) => void;
  readonly counts = emptyCounts();

  constructor(
    db: SqliteDatabase,
    dataSource: DataSource,
    private readonly fields: FieldCipher,
  ) {
    this.insert = tableInserts(db, dataSource);
    this.writeBatch = db.transaction((batch: GeneratedClient[]) => {
      for (const c of batch) this.writeClient(c);
    });
    this.writeDirectoryRows = db.transaction((directory: GeneratedDirectory) => {
      this.run('partners', directory.partners);
      this.run('partnerContacts', directory.contacts);
    });
    this.writeFindingRows = db.transaction((findings: StructuralFinding[]) => this.run('findings', findings));
  }

  /** Structural findings of the office's case managers (no personal data). */
  writeFindings(findings: StructuralFinding[]): void {
    this.writeFindingRows(findings);
  }

  /** The partner directory, in one transaction (no client data: the directory is the same for every office). */
  writeDirectory(directory: GeneratedDirectory): void {
    this.writeDirectoryRows(directory);
  }

  /** Writes the batch in one transaction: all of it or nothing. */
  write(batch: GeneratedClient[]): void {
    this.writeBatch(batch);
  }

  private run<K extends keyof TableInserts>(table: K, rows: readonly Parameters<TableInserts[K]>[0][]): void {
    // One table per call; TypeScript cannot correlate the key with its row type through the union.
    const insert = this.insert[table] as InsertRow<Parameters<TableInserts[K]>[0]>;
    for (const row of rows) insert(row);
    this.counts[table] += rows.length;
  }

  private writeClient({ person, cases, consents, referrals, conferences }: GeneratedClient): void {
    const clientId = person.client.id;
    this.run('clients', [person.client]);
    this.run('nameKeys', person.nameKeys.map((key) => ({ key, clientId })));
    this.run('householdMembers', person.household);
    this.run('residenceStatuses', person.residence);
    for (const generated of cases) {
      const k = this.protect(generated);
      this.run('cases', [k.kase]);
      this.run('phaseEvents', k.phaseEvents);
      this.run('assessments', k.assessment);
      this.run('goals', k.goals);
      this.run('measures', k.measures);
      this.run('notes', k.notes);
      this.run('followUps', k.followUps);
    }
    for (const { consent, grants } of consents) {
      this.run('consents', [consent]);
      this.run('consentGrants', grants);
    }
    // Consents naming partners open no office's access: no grants.
    this.run('consents', referrals.consents);
    this.run('followUps', referrals.followUps);
    this.run('referrals', referrals.referrals);
    this.run('referralEvents', referrals.events);
    for (const generated of conferences) {
      const c = this.protectConference(generated);
      this.run('conferences', [c.conference]);
      this.run('conferenceParticipants', c.participants);
      this.run('conferenceSituations', c.situations);
      this.run('measures', c.measures);
      this.run('followUps', c.followUps);
      this.run('conferenceActions', c.actions);
    }
  }

  /** A conference with its results, health situation and health actions under the category keys. */
  private protectConference(g: GeneratedConference): GeneratedConference {
    const f = this.fields;
    const id = g.conference.id;
    const healthMeasures = new Set(g.actions.filter((a) => a.area === 'health').map((a) => a.measureId));
    return {
      ...g,
      conference: { ...g.conference, results: f.encryptNullable('conversation-notes', g.conference.results, conferenceResultsPlace(id)) },
      situations: g.situations.map((s) => (s.area === 'health' ? { ...s, text: f.encrypt('health', s.text, conferenceSituationPlace(id, s.area)) } : s)),
      actions: g.actions.map((a) => (a.area === 'health' ? { ...a, what: f.encrypt('health', a.what, conferenceActionPlace(a.id)) } : a)),
      measures: g.measures.map((m) => (healthMeasures.has(m.id) ? { ...m, title: f.encrypt('health', m.title, measurePlace(m.id)) } : m)),
    };
  }

  /** The case with its health and conversation-note fields under the category keys, as the services store them. */
  private protect(k: GeneratedCase): GeneratedCase {
    const f = this.fields;
    const healthGoals = new Set(k.goals.filter((g) => g.area === 'health').map((g) => g.id));
    return {
      ...k,
      kase: { ...k.kase, closureSummary: f.encryptNullable('conversation-notes', k.kase.closureSummary, casePlace(k.kase.id)) },
      assessment: k.assessment.map((a) => (a.area === 'health' ? { ...a, note: f.encryptNullable('health', a.note, assessmentPlace(a.caseId, a.area)) } : a)),
      goals: k.goals.map((g) =>
        g.area === 'health'
          ? {
              ...g,
              title: f.encrypt('health', g.title, goalPlace(g.id, 'title')),
              outcomeNote: f.encryptNullable('health', g.outcomeNote, goalPlace(g.id, 'outcomeNote')),
            }
          : g,
      ),
      measures: k.measures.map((m) => (healthGoals.has(m.goalId) ? { ...m, title: f.encrypt('health', m.title, measurePlace(m.id)) } : m)),
      notes: k.notes.map((n) => ({
        ...n,
        text: f.encrypt('conversation-notes', n.text, notePlace(n.id, 'text')),
        participants: f.encryptNullable('conversation-notes', n.participants, notePlace(n.id, 'participants')),
      })),
    };
  }
}
