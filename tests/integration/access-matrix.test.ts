import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import type { CaseDetail, ClientDetail } from '../../electron/core/contract/types/client-types';
import { CASE_WORK_ROLES, contract, type MethodName, type OutputOf } from '../../electron/core/contract/methods';
import { DATA_SUBJECT_ROLES } from '../../electron/core/contract/data-subject-domain';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import type { DocumentCategory, LifeArea, Rechtskreis } from '../../electron/core/contract/case-domain';
import { DATA_CATEGORIES, type DataCategory } from '../../electron/core/contract/data-categories';
import { RESPONSE_FIELDS, type FieldRule } from '../../electron/core/contract/response-fields';
import type { Office, Role } from '../../electron/core/contract/offices';
import { STATISTICS_ROLES, statisticsAllows } from '../../electron/core/contract/statistics-domain';
import { ADMIN_PASSPHRASE, call, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';
import { conflictId } from '../../electron/core/domain/sync/conflict-heads';
import { HANDOVER_ROLES } from '../../electron/core/contract/handover-domain';
import { randomUUID } from 'node:crypto';
import { enrolAccount } from '../helpers/enrol';
import { RETENTION_ROLES } from '../../electron/core/contract/retention-domain';

/**
 * The access matrix, generated: every user (role × office) × every client (consent situation) × every probe of a
 * client-data method, against the real dispatcher on a real vault. The expected outcome comes from the rules as the
 * issue states them (restated here, independent of core): role ceiling, own office keeps the file, other offices
 * and the ABH see only categories of consents in force that name them, only the own office writes.
 */

const TODAY = berlinDate(new Date());
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR test image')]).toString('base64');

interface User {
  key: string;
  login: string;
  role: Role;
  office: Office;
  passphrase: string;
  id?: string;
}

// Denied users first, owners last: an owner's allowed delete must not remove a record a later denial is about.
const USERS: User[] = [
  { key: 'ds', login: 'ds.brandt', role: 'datenschutz', office: 'lunen', passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' },
  { key: 'ko', login: 'ko.lange', role: 'koordination', office: 'lunen', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  { key: 'admin', login: 'admin', role: 'it-admin', office: 'lunen', passphrase: ADMIN_PASSPHRASE },
  { key: 'abh', login: 'abh.kaya', role: 'abh', office: 'abh-lunen', passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' },
  { key: 'fmWerne', login: 'fm.werne', role: 'fallmanagement', office: 'werne', passphrase: 'Solebad Werne öffnet um 6 Uhr für Schwäne' },
  { key: 'vw', login: 'vw.peters', role: 'verwaltung', office: 'lunen', passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' },
  { key: 'fm', login: 'fm.yilmaz', role: 'fallmanagement', office: 'lunen', passphrase: 'Seseke Brücke am Morgen 2026' },
];

interface ConsentSpec {
  parties: Office[];
  agencies?: string[];
  categories: readonly DataCategory[];
  from?: number;
  until?: number;
  revoke?: boolean;
}

const ALL = DATA_CATEGORIES;
/** Consent situations of clients kept by Lünen; one more client is kept by Werne and shared with Lünen. */
const SITUATIONS: Record<string, { office: Office; consents: ConsentSpec[] }> = {
  none: { office: 'lunen', consents: [] },
  abhResidence: { office: 'lunen', consents: [{ parties: ['abh-lunen'], categories: ['residence'] }] },
  abhAndWerneAll: { office: 'lunen', consents: [{ parties: ['abh-lunen', 'werne'], categories: ALL, until: 30 }] },
  werneHealthNotes: { office: 'lunen', consents: [{ parties: ['werne'], categories: ['master', 'health', 'conversation-notes'] }] },
  expired: { office: 'lunen', consents: [{ parties: ['abh-lunen', 'werne'], categories: ALL, from: -60, until: -1 }] },
  notYetValid: { office: 'lunen', consents: [{ parties: ['abh-lunen', 'werne'], categories: ALL, from: 1 }] },
  revoked: { office: 'lunen', consents: [{ parties: ['abh-lunen', 'werne'], categories: ALL, revoke: true }] },
  agencyOnly: { office: 'lunen', consents: [{ parties: [], agencies: ['Jobcenter Kreis Unna'], categories: ALL }] },
  severalConsents: {
    office: 'lunen',
    consents: [
      { parties: ['abh-lunen'], categories: ['residence'] },
      { parties: ['abh-lunen'], categories: ['family'], revoke: true },
      { parties: ['abh-lunen'], categories: ['work-education', 'finances'], from: -10, until: 10 },
    ],
  },
  keptByWerne: { office: 'werne', consents: [{ parties: ['lunen'], categories: ['master', 'family', 'conversation-notes'] }] },
};

function consentActive(c: ConsentSpec): boolean {
  return !c.revoke && (c.from ?? 0) <= 0 && (c.until === undefined || c.until >= 0);
}

// ---- the rules, as the issue states them ----
const ROLE_CEILING: Partial<Record<Role, readonly DataCategory[]>> = {
  fallmanagement: ALL,
  verwaltung: ['master', 'residence', 'family', 'work-education', 'finances'],
  abh: ALL,
};

function expectedCategories(user: User, situation: string): { owner: boolean; categories: Set<DataCategory> } {
  const s = SITUATIONS[situation]!;
  const ceiling = new Set(ROLE_CEILING[user.role] ?? []);
  const owner = s.office === user.office && (user.role === 'fallmanagement' || user.role === 'verwaltung');
  if (owner) return { owner, categories: ceiling };
  const granted = s.consents.filter((c) => consentActive(c) && c.parties.includes(user.office)).flatMap((c) => [...c.categories]);
  return { owner, categories: new Set(granted.filter((c) => ceiling.has(c))) };
}

/** undefined: the file as a whole; null: stays in the owning office. */
type Part = DataCategory | null | undefined;

/**
 * The Art. 15 report's own rule: Fallmanagement and Datenschutz of the office that keeps the file, nobody else (not
 * a consent party); the one place Datenschutz reads client data, and then the whole file.
 */
const DATA_SUBJECT_METHODS: readonly MethodName[] = ['dataSubject.accessPreview', 'dataSubject.accessReport'];
function dataSubjectAllowed(user: User, situation: string): boolean {
  return DATA_SUBJECT_ROLES.includes(user.role) && SITUATIONS[situation]!.office === user.office;
}

/** What a caller may read of a file in a method's answer: the Art. 15 methods by their own rule. */
function expectationFor(method: MethodName, user: User, situation: string): { owner: boolean; categories: Set<DataCategory> } {
  if (!DATA_SUBJECT_METHODS.includes(method)) return expectedCategories(user, situation);
  const allowed = dataSubjectAllowed(user, situation);
  return { owner: allowed, categories: new Set(allowed ? ALL : []) };
}

function expectAllowed(user: User, situation: string, kind: 'read' | 'write', part: Part, method?: MethodName, roles?: readonly Role[]): boolean {
  if (method && DATA_SUBJECT_METHODS.includes(method)) return dataSubjectAllowed(user, situation);
  if (!CASE_WORK_ROLES.includes(user.role)) return false;
  if (roles && !roles.includes(user.role)) return false;
  const { owner, categories } = expectedCategories(user, situation);
  if (kind === 'write' && !owner) return false;
  if (part === null) return owner && categories.size > 0;
  if (part === undefined) return categories.size > 0;
  return categories.has(part);
}

// ---- every field of every response ----
type Expected = { owner: boolean; categories: Set<DataCategory> };
interface WalkSpec {
  rule: FieldRule;
  entry?: (e: unknown) => FieldRule;
  client?: (e: unknown) => string;
  fields?: Record<string, unknown>;
}

/** Whether a caller with the expected access (null: no file in particular) may read a field of this rule. */
function readable(e: Expected | null, rule: FieldRule): boolean {
  if (e === null) return rule === 'always';
  if (e.categories.size === 0) return false;
  return rule === 'always' || (rule === 'owner' ? e.owner : e.categories.has(rule));
}

/**
 * Walks every field of a response, nested objects and list entries included, and lists each field the caller may
 * not read by the rules (expectedCategories) and each field the response's field map does not declare.
 */
function unreadableFields(method: MethodName, value: unknown, user: User, situationOf: (clientId: string) => string | undefined): string[] {
  const out: string[] = [];
  const walk = (v: unknown, raw: unknown, exp: Expected | null, path: string) => {
    const spec = (typeof raw === 'string' ? { rule: raw } : raw) as WalkSpec;
    if (!readable(exp, spec.rule)) out.push(`${path} (${spec.rule})`);
    if (v === null || v === undefined) return;
    const entries: [unknown, string][] = Array.isArray(v) ? v.map((e, i) => [e, `${path}[${i}]`]) : [[v, path]];
    for (const [e, p] of entries) {
      let x = exp;
      if (spec.client) {
        const situation = situationOf(spec.client(e));
        if (!situation) {
          out.push(`${p} (a client outside the fixtures)`);
          continue;
        }
        x = expectationFor(method, user, situation);
        if (!readable(x, 'always')) out.push(`${p} (a file the caller may not see)`);
      }
      if (spec.entry && !readable(x, spec.entry(e))) out.push(`${p} (entry of ${spec.entry(e)})`);
      if (!spec.fields) {
        if (typeof e === 'object' && e !== null) out.push(`${p} (an object without a field map)`);
        continue;
      }
      if (typeof e !== 'object' || e === null) {
        out.push(`${p} (not an object)`);
        continue;
      }
      for (const [key, child] of Object.entries(e)) {
        if (!Object.hasOwn(spec.fields, key)) out.push(`${p}.${key} (not in the field map)`);
        else walk(child, spec.fields[key], x, `${p}.${key}`);
      }
    }
  };
  walk(value, RESPONSE_FIELDS[method as keyof typeof RESPONSE_FIELDS], null, method);
  return out;
}

// ---- fixtures ----
const DOC_CATEGORIES: [DocumentCategory, Part][] = [
  ['identity', 'master'],
  ['residence', 'residence'],
  ['medical', 'health'],
  ['certificate', 'work-education'],
  ['other', null],
];
const GOAL_AREAS: [LifeArea, DataCategory][] = [
  ['health', 'health'],
  ['work', 'work-education'],
  ['residence', 'residence'],
];
/** Which category each Rechtskreis tells about (the agency involved says what the person receives from it). */
const RECHTSKREISE: [Rechtskreis, DataCategory][] = [
  ['sgb2', 'finances'],
  ['sgb3', 'work-education'],
  ['sgb8', 'family'],
  ['sgb12', 'finances'],
  ['asylblg', 'finances'],
  ['aufenthg', 'residence'],
];
const ASSESSMENT_AREAS: [LifeArea, DataCategory][] = [
  ['language', 'work-education'],
  ['housing', 'master'],
  ['health', 'health'],
  ['family', 'family'],
  ['finances', 'finances'],
  ['residence', 'residence'],
];

interface Fixture {
  situation: string;
  id: string;
  name: string;
  caseId: string;
  goals: Record<string, string>;
  measures: Record<string, string>;
  followUpId: string;
  conferenceId: string;
  /** A conference's agreed actions: one became a Wiedervorlage, one a measure under the health goal. */
  conferenceActions: { followUp: string; health: string };
  revocableConsent: { id: string; version: number };
  /** Per file-keeping user: records of its own to delete, so one user's delete never changes another's probe. */
  household: Record<string, string>;
  residence: Record<string, string>;
  documents: Record<string, Record<string, string>>;
  /** Draft referrals of the case, one per file-keeping user (deleted by that user's probe). */
  referrals: Record<string, string>;
}

/** The directory partner referrals go to (made by Koordination before the fixtures). */
const directory = { partnerId: '' };

interface Probe {
  name: string;
  method: MethodName;
  kind: 'read' | 'write';
  part: Part;
  input: (f: Fixture, u: User) => unknown;
  /** Case-work roles the method is for beyond the file's rules (e.g. hand-overs: the case managers). */
  roles?: readonly Role[];
}

/** Users who may delete get records of their own; everyone else is refused and probes the keeper's records. */
const OWN_RECORDS = new Set(['vw', 'fm', 'fmWerne']);
const recordsOf = (u: User) => (OWN_RECORDS.has(u.key) ? u.key : 'fm');

const clientFields = (f: Fixture) => ({ familyName: f.name, givenNames: 'Test', birthDate: '1990' });

const PROBES: Probe[] = [
  { name: 'clients.get', method: 'clients.get', kind: 'read', part: undefined, input: (f) => ({ id: f.id }) },
  { name: 'clients.update', method: 'clients.update', kind: 'write', part: 'master', input: (f) => ({ id: f.id, version: 999, ...clientFields(f) }) },
  { name: 'household.add', method: 'household.add', kind: 'write', part: 'family', input: (f) => ({ clientId: f.id, name: 'Amal', relation: 'child', birthYear: 2015 }) },
  { name: 'household.remove', method: 'household.remove', kind: 'write', part: 'family', input: (f, u) => ({ id: f.household[recordsOf(u)], passphrase: u.passphrase }) },
  {
    name: 'residence.add',
    method: 'residence.add',
    kind: 'write',
    part: 'residence',
    // An old, ended status: it never becomes the current one, so later checks of the current status still hold.
    input: (f) => ({ clientId: f.id, type: 'duldung', validFrom: addDays(TODAY, -2000), validUntil: addDays(TODAY, -1900) }),
  },
  { name: 'residence.remove', method: 'residence.remove', kind: 'write', part: 'residence', input: (f, u) => ({ id: f.residence[recordsOf(u)], passphrase: u.passphrase }) },
  ...DOC_CATEGORIES.flatMap(([category, part]): Probe[] => [
    {
      name: `documents.upload ${category}`,
      method: 'documents.upload',
      kind: 'write',
      part,
      input: (f) => ({ clientId: f.id, fileName: 'scan.png', mimeType: 'image/png', category, contentBase64: PNG }),
    },
    { name: `documents.content ${category}`, method: 'documents.content', kind: 'read', part, input: (f) => ({ id: f.documents.fm![category] }) },
    {
      name: `documents.delete ${category}`,
      method: 'documents.delete',
      kind: 'write',
      part,
      input: (f, u) => ({ id: f.documents[recordsOf(u)]![category], passphrase: u.passphrase }),
    },
  ]),
  {
    name: 'consents.add',
    method: 'consents.add',
    kind: 'write',
    part: 'master',
    input: (f) => ({ clientId: f.id, agencies: ['Sozialamt Lünen'], categories: ['finances'], purpose: 'Antrag auf Leistungen', validFrom: TODAY, form: 'oral', oralRecord: 'Im Gespräch erklärt' }),
  },
  // Printing the form for signing stays in the keeping office (before the revoke probe, which ends the consent).
  { name: 'consents.printForm', method: 'consents.printForm', kind: 'read', part: null, input: (f) => ({ consentId: f.revocableConsent.id, language: 'ar', mutual: true }) },
  { name: 'consents.revoke', method: 'consents.revoke', kind: 'write', part: 'master', input: (f) => ({ ...f.revocableConsent, revokedOn: TODAY, form: 'oral', note: null }) },
  { name: 'cases.open', method: 'cases.open', kind: 'write', part: null, input: (f) => ({ clientId: f.id }) },
  { name: 'cases.get', method: 'cases.get', kind: 'read', part: undefined, input: (f) => ({ id: f.caseId }) },
  { name: 'cases.setPhase', method: 'cases.setPhase', kind: 'write', part: null, input: (f) => ({ id: f.caseId, version: 999, phase: 'assessment' }) },
  { name: 'cases.close', method: 'cases.close', kind: 'write', part: null, input: (f) => ({ id: f.caseId, version: 999, reason: 'other' }) },
  ...ASSESSMENT_AREAS.map(([area, part]): Probe => ({
    name: `assessment.set ${area}`,
    method: 'assessment.set',
    kind: 'write',
    part,
    input: (f) => ({ caseId: f.caseId, area, need: 'some' }),
  })),
  ...GOAL_AREAS.flatMap(([area, part]): Probe[] => [
    { name: `goals.add ${area}`, method: 'goals.add', kind: 'write', part, input: (f) => ({ caseId: f.caseId, area, title: 'Ziel' }) },
    { name: `goals.setStatus ${area}`, method: 'goals.setStatus', kind: 'write', part, input: (f) => ({ id: f.goals[area], status: 'in-progress' }) },
    { name: `measures.add ${area}`, method: 'measures.add', kind: 'write', part, input: (f) => ({ goalId: f.goals[area], title: 'Maßnahme', owner: 'KIM' }) },
    { name: `measures.setStatus ${area}`, method: 'measures.setStatus', kind: 'write', part, input: (f) => ({ id: f.measures[area], status: 'running' }) },
  ]),
  {
    name: 'notes.add',
    method: 'notes.add',
    kind: 'write',
    part: 'conversation-notes',
    input: (f) => ({ caseId: f.caseId, occurredOn: TODAY, kind: 'phone', text: 'Rückruf wegen Termin' }),
  },
  { name: 'followUps.add', method: 'followUps.add', kind: 'write', part: null, input: (f) => ({ caseId: f.caseId, title: 'Nachfassen', dueDate: TODAY }) },
  { name: 'followUps.complete', method: 'followUps.complete', kind: 'write', part: null, input: (f) => ({ id: f.followUpId }) },
  { name: 'referrals.list', method: 'referrals.list', kind: 'read', part: undefined, input: (f) => ({ caseId: f.caseId }) },
  {
    name: 'referrals.create',
    method: 'referrals.create',
    kind: 'write',
    part: null,
    input: (f) => ({ caseId: f.caseId, partnerId: directory.partnerId, request: 'Beratung zur Anerkennung', categories: ['master'] }),
  },
  {
    name: 'referrals.update',
    method: 'referrals.update',
    kind: 'write',
    part: null,
    input: (f) => ({ id: f.referrals.fm, version: 999, partnerId: directory.partnerId, request: 'Geändert', categories: ['master'] }),
  },
  { name: 'referrals.send', method: 'referrals.send', kind: 'write', part: null, input: (f) => ({ id: f.referrals.fm, version: 999 }) },
  { name: 'referrals.feedback', method: 'referrals.feedback', kind: 'write', part: null, input: (f) => ({ id: f.referrals.fm, version: 999, state: 'accepted' }) },
  { name: 'referrals.reopen', method: 'referrals.reopen', kind: 'write', part: null, input: (f) => ({ id: f.referrals.fm, version: 999, note: 'Wieder offen' }) },
  // A draft answers referral.notSent past the access check; the sent referral's sheet is walked in the referral run.
  { name: 'referrals.print', method: 'referrals.print', kind: 'read', part: null, input: (f, u) => ({ id: f.referrals[recordsOf(u)] }) },
  {
    name: 'referrals.delete',
    method: 'referrals.delete',
    kind: 'write',
    part: null,
    input: (f, u) => ({ id: f.referrals[recordsOf(u)], reason: 'Doppelt angelegt', passphrase: u.passphrase }),
  },
  { name: 'referrals.dataHolders', method: 'referrals.dataHolders', kind: 'read', part: null, input: (f) => ({ clientId: f.id }) },
  // The Art. 15 report: its own rule (dataSubjectAllowed), the whole file for the keeping office's FM and Datenschutz.
  { name: 'dataSubject.accessPreview', method: 'dataSubject.accessPreview', kind: 'read', part: null, input: (f) => ({ clientId: f.id }) },
  { name: 'dataSubject.accessReport', method: 'dataSubject.accessReport', kind: 'read', part: null, input: (f) => ({ clientId: f.id, language: 'uk' }) },
  { name: 'conferences.list', method: 'conferences.list', kind: 'read', part: undefined, input: (f) => ({ caseId: f.caseId }) },
  {
    name: 'conferences.save',
    method: 'conferences.save',
    kind: 'write',
    part: null,
    input: (f) => ({ caseId: f.caseId, heldOn: TODAY, clientPresent: false, confirmSameDay: true }),
  },
  { name: 'conferences.printMinutes', method: 'conferences.printMinutes', kind: 'read', part: null, input: (f) => ({ conferenceId: f.conferenceId, partnerId: null }) },
  { name: 'conferenceActions.setDone follow-up', method: 'conferenceActions.setDone', kind: 'write', part: null, input: (f) => ({ id: f.conferenceActions.followUp, done: true }) },
  { name: 'conferenceActions.setDone health', method: 'conferenceActions.setDone', kind: 'write', part: 'health', input: (f) => ({ id: f.conferenceActions.health, done: true }) },
  { name: 'conflicts.resolve phone', method: 'conflicts.resolve', kind: 'write', part: 'master', input: (f) => ({ id: conflictId('client', f.id, 'phone'), keep: 'other' }) },
  { name: 'handovers.prepare', method: 'handovers.prepare', kind: 'read', part: null, roles: HANDOVER_ROLES, input: (f) => ({ clientId: f.id }) },
  { name: 'handovers.list', method: 'handovers.list', kind: 'read', part: null, input: (f) => ({ clientId: f.id }) },
  // Past the access check the matrix vault answers handover.noNetwork: it is in no sync network.
  {
    name: 'handovers.send',
    method: 'handovers.send',
    kind: 'write',
    part: null,
    roles: HANDOVER_ROLES,
    input: (f, u) => ({ clientId: f.id, toOffice: 'selm', consentId: f.revocableConsent.id, reason: 'moved', passphrase: u.passphrase }),
  },
  // A hand-over from Selm seeded into each file (seedHandovers); past the access check the case manager id is refused.
  { name: 'handovers.accept', method: 'handovers.accept', kind: 'write', part: null, roles: HANDOVER_ROLES, input: (f) => ({ id: handoverOf(f), caseManagerId: f.revocableConsent.id }) },
  {
    name: 'conflicts.resolve follow-up',
    method: 'conflicts.resolve',
    kind: 'write',
    part: null,
    input: (f) => ({ id: conflictId('follow_up', f.followUpId, 'title'), keep: 'winner' }),
  },
];

/**
 * Two writes of one field made on two workstations without seeing each other, as sync records them (the matrix runs
 * on one vault, so the rows are put in place with the vault's own key, as a received file would leave them).
 */
function seedConflicts(dataDir: string, recoveryKey: string, f: Fixture, actor: string): void {
  const db = openRawVault(dataDir, recoveryKey);
  try {
    const heads = (a: string, b: string) =>
      JSON.stringify([
        { value: a, hlc: '001764500000000-000000', device: 'device-a', actor, vv: { 'device-a': '001764500000000-000000' } },
        { value: b, hlc: '001764500000001-000000', device: 'device-b', actor, vv: { 'device-b': '001764500000001-000000' } },
      ]);
    const insert = db.prepare(`INSERT INTO sync_conflict (id, entity, entity_id, field, client_id, heads, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    insert.run(conflictId('client', f.id, 'phone'), 'client', f.id, 'phone', f.id, heads('0231 1', '0231 2'), new Date().toISOString());
    insert.run(conflictId('follow_up', f.followUpId, 'title'), 'follow_up', f.followUpId, 'title', f.id, heads('Termin ABH', 'Termin Ausländerbehörde'), new Date().toISOString());
  } finally {
    db.close();
  }
}

/** A hand-over to each fixture's keeping office from Selm, waiting to be taken over, as sync would leave it. */
const HANDOVER_IDS = new Map<string, string>();
const handoverOf = (f: Fixture) => HANDOVER_IDS.get(f.id)!;
function seedHandover(dataDir: string, recoveryKey: string, f: Fixture, office: Office, actor: string): void {
  const db = openRawVault(dataDir, recoveryKey);
  try {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO file_handover (id, client_id, from_office, to_office, consent_id, reason, handed_on, handed_by, created_at) VALUES (?, ?, 'selm', ?, ?, 'moved', ?, ?, ?)`,
    ).run(id, f.id, office, f.revocableConsent.id, TODAY, actor, new Date().toISOString());
    HANDOVER_IDS.set(f.id, id);
  } finally {
    db.close();
  }
}

describe('the access matrix (role × office × consent × category × method)', () => {
  const tmp = tempDir('kim-akte-matrix-', true);
  let core: CoreDispatcher;
  const fixtures: Fixture[] = [];
  const outcomes: { user: User; fixture: Fixture; probe: Probe; code: string | null; value: unknown }[] = [];
  /** Answers outside the probes (building the fixtures, search, lists): walked field by field as well. */
  const made: { user: User; method: MethodName; value: unknown }[] = [];
  /** Clients made outside the fixtures, with their consent situation. */
  const extraClients = new Map<string, string>();
  let caller: User;

  /** A call whose answer is walked like the probes' answers. */
  async function walked<M extends MethodName>(method: M, input: unknown = {}): Promise<OutputOf<M>> {
    const value = await call(core, method, input);
    made.push({ user: caller, method, value });
    return value;
  }

  async function login(user: User): Promise<void> {
    caller = user;
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: user.login, passphrase: user.passphrase });
  }

  async function buildFixture(situation: string): Promise<Fixture> {
    const name = `Matrix-${situation}`;
    const client = await walked('clients.create', { familyName: name, givenNames: 'Test', birthDate: '1990' });
    const household: Record<string, string> = {};
    const residence: Record<string, string> = {};
    const documents: Record<string, Record<string, string>> = {};
    for (const u of USERS.filter((x) => OWN_RECORDS.has(x.key))) {
      const withMember = await walked('household.add', { clientId: client.id, name: `Mitglied ${u.key}`, relation: 'sibling' });
      household[u.key] = withMember.household!.at(-1)!.id;
      const withStatus = await walked('residence.add', { clientId: client.id, type: 'gestattung', legalBasis: `§ 55 ${u.key}`, validFrom: addDays(TODAY, -400) });
      residence[u.key] = withStatus.residenceHistory!.find((r) => r.legalBasis === `§ 55 ${u.key}`)!.id;
      documents[u.key] = {};
      for (const [category] of DOC_CATEGORIES) {
        const doc = await walked('documents.upload', { clientId: client.id, fileName: `${u.key}.png`, mimeType: 'image/png', category, contentBase64: PNG });
        documents[u.key]![category] = doc.id;
      }
    }
    await walked('residence.add', { clientId: client.id, type: 'aufenthaltserlaubnis', legalBasis: '§ 25 Abs. 2', validFrom: addDays(TODAY, -10), validUntil: addDays(TODAY, 20) });
    const kase = await walked('cases.open', { clientId: client.id, rechtskreise: RECHTSKREISE.map(([r]) => r) });
    for (const [area] of ASSESSMENT_AREAS) await walked('assessment.set', { caseId: kase.id, area, need: 'urgent', note: `Bedarf ${area}` });
    const goals: Record<string, string> = {};
    const measures: Record<string, string> = {};
    for (const [area] of GOAL_AREAS) {
      const withGoal = await walked('goals.add', { caseId: kase.id, area, title: `Ziel ${area}` });
      goals[area] = withGoal.goals.at(-1)!.id;
      const withMeasure = await walked('measures.add', { goalId: goals[area], title: `Maßnahme ${area}`, owner: 'KIM' });
      measures[area] = withMeasure.goals.find((g) => g.id === goals[area])!.measures[0]!.id;
    }
    await walked('notes.add', { caseId: kase.id, occurredOn: TODAY, kind: 'in-person', text: 'Offene Notiz', internal: false });
    await walked('notes.add', { caseId: kase.id, occurredOn: TODAY, kind: 'in-person', text: 'Interne Notiz', internal: true });
    const withFollowUp = await walked('followUps.add', { caseId: kase.id, title: 'Termin ABH', dueDate: TODAY });
    const referrals: Record<string, string> = {};
    for (const u of [...OWN_RECORDS]) {
      const r = await walked('referrals.create', { caseId: kase.id, partnerId: directory.partnerId, request: `Anfrage ${u}`, categories: ['master'] });
      referrals[u] = r.id;
    }
    const conference = await walked('conferences.save', {
      caseId: kase.id,
      heldOn: TODAY,
      clientPresent: true,
      situations: GOAL_AREAS.map(([area]) => ({ area, text: `Lage ${area}` })),
      results: 'Ergebnis der Konferenz',
      actions: [
        { who: { kind: 'staff', accountId: caller.id }, what: 'Unterlagen sammeln', dueDate: TODAY },
        { who: { kind: 'staff', accountId: caller.id }, what: 'Arzttermin begleiten', dueDate: TODAY, goalId: goals.health },
      ],
      nextOn: addDays(TODAY, 30),
    });
    let detail: ClientDetail = client;
    for (const c of SITUATIONS[situation]!.consents) {
      detail = await walked('consents.add', {
        clientId: client.id,
        parties: c.parties,
        agencies: c.agencies ?? [],
        categories: c.categories,
        purpose: 'Klärung der Bleibeperspektive',
        validFrom: addDays(TODAY, c.from ?? -5),
        validUntil: c.until === undefined ? null : addDays(TODAY, c.until),
        form: 'oral',
        oralRecord: 'Mündlich mit Dolmetscherin erklärt und zugestimmt',
      });
      if (c.revoke) {
        const latest = detail.consents[0]!;
        detail = await walked('consents.revoke', { id: latest.id, version: latest.version, revokedOn: TODAY, form: 'written', note: null });
      }
    }
    // A consent naming only an agency: revoking it in a probe changes nobody's access.
    const withAgency = await walked('consents.add', {
      clientId: client.id,
      agencies: ['Caritas Migrationsberatung'],
      categories: ['master'],
      purpose: 'Beratung',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Telefonisch bestätigt',
    });
    const revocable = withAgency.consents.find((c) => c.agencies.includes('Caritas Migrationsberatung'))!;
    return {
      situation,
      id: client.id,
      name,
      caseId: kase.id,
      goals,
      measures,
      followUpId: withFollowUp.followUps!.at(-1)!.id,
      conferenceId: conference.id,
      conferenceActions: {
        followUp: conference.actions!.find((a) => a.area === null)!.id,
        health: conference.actions!.find((a) => a.area === 'health')!.id,
      },
      revocableConsent: { id: revocable.id, version: revocable.version },
      household,
      residence,
      documents,
      referrals,
    };
  }

  beforeAll(async () => {
    let recoveryKey: string;
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    for (const u of USERS) {
      if (u.key === 'admin') continue;
      const input = { login: u.login, displayName: `Konto ${u.key}`, role: u.role, passphrase: u.passphrase };
      // Datenschutz comes first in USERS and approves the accounts that see client data.
      const approver = u.key === 'ds' ? undefined : USERS.find((x) => x.key === 'ds');
      const created = await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, u.office === 'werne' ? { ...input, office: 'werne' } : input, approver);
      expect(created.office).toBe(u.office);
      u.id = created.id;
    }
    USERS.find((u) => u.key === 'admin')!.id = (await call(core, 'session.current'))!.id;
    await login(USERS.find((u) => u.key === 'ko')!);
    directory.partnerId = (
      await call(core, 'partners.save', { name: 'MBE Matrix', kind: 'migrationsberatung', rechtskreise: [], languages: ['de'], services: ['migration-counselling-adults'], offices: ['lunen', 'werne'] })
    ).id;
    const fm = USERS.find((u) => u.key === 'fm')!;
    const fmWerne = USERS.find((u) => u.key === 'fmWerne')!;
    for (const keeper of [fm, fmWerne]) {
      await login(keeper);
      for (const [situation, s] of Object.entries(SITUATIONS)) if (s.office === keeper.office) fixtures.push(await buildFixture(situation));
    }
    for (const f of fixtures) seedConflicts(tmp.dir, recoveryKey, f, fm.id!);
    for (const f of fixtures) seedHandover(tmp.dir, recoveryKey, f, SITUATIONS[f.situation]!.office, fm.id!);
    // Every case worker lists the conflicts before any probe settles one: the answers are walked field by field.
    for (const user of USERS.filter((u) => CASE_WORK_ROLES.includes(u.role))) {
      await login(user);
      await walked('conflicts.list', {});
    }
    for (const user of USERS) {
      await login(user);
      for (const fixture of fixtures) {
        for (const probe of PROBES) {
          const r = await core.dispatch(probe.method, probe.input(fixture, user));
          outcomes.push({ user, fixture, probe, code: r.ok ? null : r.error.code, value: r.ok ? r.value : r.error });
        }
      }
    }
  }, 600_000);

  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('lets exactly the statistics roles compute and export the figures of their own office, and no one another office', async () => {
    // Aggregates, not client data: the gate is the role table of statistics-domain.ts, the scope the caller's office.
    const period = { from: addDays(TODAY, -30), to: TODAY };
    const methods = [
      ['statistics.compute', 'view'],
      ['statistics.exportCsv', 'export'],
      ['statistics.exportXlsx', 'export'],
      ['statistics.print', 'export'],
    ] as const;
    for (const user of USERS) {
      await login(user);
      for (const [method, permission] of methods) {
        const allowed = (STATISTICS_ROLES[permission] as readonly Role[]).includes(user.role);
        const own = await core.dispatch(method, period);
        expect(own.ok ? 'ok' : own.error.code, `${user.key} ${method}`).toBe(allowed ? 'ok' : 'permission.denied');
        const other = await core.dispatch(method, { ...period, office: user.office === 'werne' ? 'lunen' : 'werne' });
        expect(other.ok ? 'ok' : other.error.code, `${user.key} ${method} other office`).toBe(allowed ? 'statistics.officeNotKept' : 'permission.denied');
      }
      if (statisticsAllows(user.role, 'view')) {
        const report = await call(core, 'statistics.compute', period);
        expect(report.office).toBe(user.office);
        // Only aggregates: no id of any fixture's client or case anywhere in the answer.
        const json = JSON.stringify(report);
        for (const f of fixtures) expect(json.includes(f.id) || json.includes(f.caseId), `${user.key} ${f.situation}`).toBe(false);
      }
    }
  });

  it('lets the statistics roles publish their office’s counts and only Koordination receive and combine them', async () => {
    // Across offices (issue 12 item 2): past the role gate, this vault (in no sync network) answers network.notJoined.
    const period = { from: addDays(TODAY, -30), to: TODAY };
    const methods = [
      ['statistics.publish', 'publish', period],
      ['statistics.aggregates', 'combine', {}],
      ['statistics.combine', 'combine', period],
      ['statistics.exportCombinedCsv', 'combine', period],
      ['statistics.exportCombinedXlsx', 'combine', period],
      ['statistics.printCombined', 'combine', period],
    ] as const;
    for (const user of USERS) {
      await login(user);
      for (const [method, permission, input] of methods) {
        const allowed = (STATISTICS_ROLES[permission] as readonly Role[]).includes(user.role);
        const r = await core.dispatch(method, input);
        expect(r.ok ? 'ok' : r.error.code, `${user.key} ${method}`).toBe(allowed ? 'network.notJoined' : 'permission.denied');
      }
    }
    expect(STATISTICS_ROLES.combine).toEqual(['koordination']);
  });

  it('covers every client-data method of the contract', () => {
    const caseWork = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access === 'caseWork' || contract[m].access === 'dataSubject');
    const listed = new Set(['clients.search', 'clients.list', 'clients.checkDuplicates', 'clients.create', 'work.overview', 'accounts.caseManagers', 'conflicts.list', 'handovers.incoming']);
    for (const m of caseWork) if (!listed.has(m)) expect(PROBES.some((p) => p.method === m), m).toBe(true);
    expect(outcomes.length).toBe(USERS.length * fixtures.length * PROBES.length);
  });

  it('never crashes: an internal error is a failure, not an allowed call', () => {
    const crashes = outcomes.filter((o) => o.code === 'internal').map((o) => `${o.user.key} × ${o.fixture.situation} × ${o.probe.name}`);
    expect(crashes).toEqual([]);
  });

  it('refuses exactly the calls the rules refuse, and lets every other call past the access check', () => {
    const wrong = outcomes
      .filter((o) => (o.code === 'permission.denied') === expectAllowed(o.user, o.fixture.situation, o.probe.kind, o.probe.part, o.probe.method, o.probe.roles))
      .map((o) => `${o.user.key} × ${o.fixture.situation} × ${o.probe.name}: got ${JSON.stringify(o.value).slice(0, 160)}`);
    expect(wrong).toEqual([]);
    // Both outcomes occur for every probe: the matrix is not trivially all-allowed or all-denied.
    for (const probe of PROBES) {
      const codes = outcomes.filter((o) => o.probe === probe).map((o) => o.code === 'permission.denied');
      expect(new Set(codes).size, probe.name).toBe(2);
    }
  });

  it('returns only the fields and entries of categories the caller may see', () => {
    for (const o of outcomes.filter((x) => x.code === null && x.probe.method === 'clients.get')) {
      const d = o.value as ClientDetail;
      const { owner, categories } = expectedCategories(o.user, o.fixture.situation);
      const where = `${o.user.key} × ${o.fixture.situation}`;
      expect(d.access.categories.sort(), where).toEqual([...categories].sort());
      expect('phone' in d && 'languages' in d && 'nationalities' in d, where).toBe(categories.has('master'));
      expect('residenceHistory' in d && 'currentResidence' in d, where).toBe(categories.has('residence'));
      expect('household' in d, where).toBe(categories.has('family'));
      const docParts = d.documents.map((doc) => DOC_CATEGORIES.find(([c]) => c === doc.category)?.[1]);
      for (const part of docParts) expect(part === null ? owner : part !== undefined && categories.has(part), `${where} document`).toBe(true);
      if (!owner) expect(d.consents.every((c) => c.status === 'active' && c.parties.includes(o.user.office)), where).toBe(true);
    }
    for (const o of outcomes.filter((x) => x.code === null && x.probe.method === 'cases.get')) {
      const d = o.value as CaseDetail;
      const { owner, categories } = expectedCategories(o.user, o.fixture.situation);
      const where = `${o.user.key} × ${o.fixture.situation}`;
      // Probes by the keeping office add open notes; the two of the fixture tell what crosses the office line.
      expect('notes' in d, where).toBe(categories.has('conversation-notes'));
      const texts = (d.notes ?? []).map((n) => n.text);
      expect(texts.includes('Offene Notiz'), where).toBe(categories.has('conversation-notes'));
      expect(texts.includes('Interne Notiz'), where).toBe(owner && categories.has('conversation-notes'));
      expect((d.notes ?? []).some((n) => n.internal), where).toBe(owner && categories.has('conversation-notes'));
      expect('followUps' in d && d.followUps!.length > 0, where).toBe(owner);
      // Who works the case, how it moved and how it ended stay in the keeping office.
      for (const field of ['caseManagerId', 'caseManagerName', 'phaseHistory', 'closure'] as const) expect(field in d, `${where} ${field}`).toBe(owner);
      expect(d.rechtskreise, where).toEqual(RECHTSKREISE.filter(([, c]) => categories.has(c)).map(([r]) => r));
      expect(d.assessment.map((a) => a.area).sort(), where).toEqual(ASSESSMENT_AREAS.filter(([, c]) => categories.has(c)).map(([a]) => a).sort());
      expect(new Set(d.goals.map((g) => g.area)), where).toEqual(new Set(GOAL_AREAS.filter(([, c]) => categories.has(c)).map(([a]) => a)));
    }
    for (const o of outcomes.filter((x) => x.code === null && x.probe.method === 'conferences.list')) {
      const { owner, categories } = expectedCategories(o.user, o.fixture.situation);
      const where = `${o.user.key} × ${o.fixture.situation}`;
      // The fixture's conference is the oldest: probes by the keeping office add more.
      const c = (o.value as OutputOf<'conferences.list'>).at(-1)!;
      expect(new Set(c.situations.map((s) => s.area)), where).toEqual(new Set(GOAL_AREAS.filter(([, cat]) => categories.has(cat)).map(([a]) => a)));
      expect('participants' in c && 'actions' in c && 'nextOn' in c, where).toBe(owner);
      expect(c.results !== undefined, where).toBe(owner && categories.has('conversation-notes'));
      if (owner) expect(c.actions!.some((a) => a.area === 'health'), where).toBe(categories.has('health'));
    }
  });

  it('finds in search, list and work overview only the clients the caller may see', async () => {
    for (const user of USERS.filter((u) => CASE_WORK_ROLES.includes(u.role))) {
      await login(user);
      const search = await walked('clients.search', { query: 'Matrix', limit: 50 });
      const list = await walked('clients.list', { limit: 100 });
      const expiring = await walked('clients.list', { limit: 100, expiringOnly: true });
      const overview = await walked('work.overview');
      const incoming = await walked('handovers.incoming');
      // Files handed to the caller's office: its case managers see them (the seeded ones from Selm), no one else.
      expect(incoming.length > 0, `${user.key} incoming hand-overs`).toBe(HANDOVER_ROLES.includes(user.role) && fixtures.some((f) => SITUATIONS[f.situation]!.office === user.office));
      if (OWN_RECORDS.has(user.key)) {
        // Methods of the file-keeping roles only (they create files and assign work).
        await walked('clients.checkDuplicates', { familyName: 'Matrix-none', givenNames: 'Test', birthDate: '1990' });
        await walked('accounts.caseManagers');
      }
      for (const f of fixtures) {
        const { categories } = expectedCategories(user, f.situation);
        const where = `${user.key} × ${f.situation}`;
        const hit = search.find((h) => h.id === f.id);
        expect(Boolean(hit), `${where} search`).toBe(categories.size > 0);
        expect(list.rows.some((r) => r.id === f.id), `${where} list`).toBe(categories.size > 0);
        if (hit) expect('currentResidence' in hit, `${where} search residence`).toBe(categories.has('residence'));
        // Filtering by expiry must not reveal a status the caller may not read.
        expect(expiring.rows.some((r) => r.id === f.id), `${where} expiring`).toBe(categories.has('residence'));
        expect(overview.expiringResidence.some((r) => r.id === f.id), `${where} overview`).toBe(categories.has('residence'));
      }
    }
    // A closed case, for the walk of every response: its closure stays in the office.
    await login(USERS.find((u) => u.key === 'fm')!);
    const closing = await walked('clients.create', { familyName: 'Abschluss', givenNames: 'Test', birthDate: '1985' });
    extraClients.set(closing.id, 'none');
    await walked('clients.update', { id: closing.id, version: closing.version, familyName: 'Abschluss', givenNames: 'Testa', birthDate: '1985' });
    const opened = await walked('cases.open', { clientId: closing.id, rechtskreise: ['sgb2'] });
    const moved = await walked('cases.setPhase', { id: opened.id, version: opened.version, phase: 'assessment' });
    await walked('cases.close', { id: opened.id, version: moved.version, reason: 'goals-achieved', summary: 'Arbeit gefunden' });
    // A referral through every step, for the walk of every referral answer.
    const referred = await walked('clients.create', { familyName: 'Vermittlung', givenNames: 'Test', birthDate: '1986' });
    extraClients.set(referred.id, 'none');
    await walked('consents.add', { clientId: referred.id, partnerIds: [directory.partnerId], categories: ['master'], purpose: 'Vermittlung', validFrom: TODAY, form: 'oral', oralRecord: 'Mündlich erklärt' });
    const referredCase = await walked('cases.open', { clientId: referred.id, rechtskreise: ['sgb2'] });
    let r = await walked('referrals.create', { caseId: referredCase.id, partnerId: directory.partnerId, request: 'Beratung', categories: ['master'], feedbackDue: addDays(TODAY, -1) });
    r = await walked('referrals.update', { id: r.id, version: r.version, partnerId: directory.partnerId, request: 'Beratung zur Anerkennung', categories: ['master'], feedbackDue: addDays(TODAY, -1) });
    r = await walked('referrals.send', { id: r.id, version: r.version, followUpTitle: 'Rückmeldung MBE' });
    await walked('referrals.print', { id: r.id });
    expect((await walked('work.overview')).overdueReferrals.map((o) => o.id)).toEqual([r.id]);
    r = await walked('referrals.feedback', { id: r.id, version: r.version, state: 'declined', declinedBy: 'client', reason: 'Kein Interesse' });
    r = await walked('referrals.reopen', { id: r.id, version: r.version, note: 'Doch Interesse' });
    await walked('referrals.list', { caseId: referredCase.id });
    await walked('referrals.dataHolders', { clientId: referred.id });
    await walked('referrals.delete', { id: r.id, reason: 'Testfall', passphrase: USERS.find((u) => u.key === 'fm')!.passphrase });
    // A hand-over from Selm taken over by the case manager (the matrix probes stop at the case manager's id).
    const handedHere = fixtures.find((f) => SITUATIONS[f.situation]!.office === 'lunen')!;
    await walked('handovers.accept', { id: handoverOf(handedHere), caseManagerId: USERS.find((u) => u.key === 'fm')!.id! });
  });

  it('returns in every field of every response only what the caller may read, and only fields its map declares', () => {
    const situations = new Map([...fixtures.map((f): [string, string] => [f.id, f.situation]), ...extraClients]);
    const answered = [...made, ...outcomes.filter((o) => o.code === null).map((o) => ({ user: o.user, method: o.probe.method, value: o.value }))];
    const wrong = answered.flatMap((o) => unreadableFields(o.method, o.value, o.user, (id) => situations.get(id)).map((f) => `${o.user.key} × ${f}`));
    expect(wrong).toEqual([]);
    // Every client-data method's answer was walked, and the case and client views also as a consent party saw them.
    // handovers.send answers null and succeeds only in a sync network: file-handover.test.ts walks it.
    expect((Object.keys(RESPONSE_FIELDS) as MethodName[]).filter((m) => m !== 'handovers.send' && !answered.some((o) => o.method === m))).toEqual([]);
    const consentParties = USERS.flatMap((u) =>
      fixtures.filter((f) => {
        const e = expectedCategories(u, f.situation);
        return CASE_WORK_ROLES.includes(u.role) && !e.owner && e.categories.size > 0;
      }),
    ).length;
    expect(consentParties).toBeGreaterThan(0);
    for (const method of ['clients.get', 'cases.get'] as const) {
      const partial = outcomes.filter((o) => o.probe.method === method && o.code === null && !expectedCategories(o.user, o.fixture.situation).owner);
      expect(partial.length, method).toBe(consentParties);
    }
  });

  it('never answers with a stored ciphertext of a category key (health, conversation notes), for any caller', () => {
    const answered = [...made, ...outcomes.map((o) => ({ user: o.user, method: o.probe.method, value: o.value }))];
    const ciphertexts: string[] = [];
    const scan = (v: unknown, path: string): void => {
      if (typeof v === 'string' && /^(k1|s1):/.test(v)) ciphertexts.push(path);
      else if (Array.isArray(v)) v.forEach((e, i) => scan(e, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, e] of Object.entries(v)) scan(e, `${path}.${k}`);
    };
    for (const o of answered) scan(o.value, `${o.user.key} × ${o.method}`);
    expect(ciphertexts).toEqual([]);
    // The control: the fixtures' protected values are stored as ciphertext, and reached the callers who may read them.
    expect(answered.some((o) => JSON.stringify(o.value).includes('Offene Notiz'))).toBe(true);
  });

  it('writes an audit entry for every refused call, naming the client it was about', async () => {
    const ds = USERS.find((u) => u.key === 'ds')!;
    await login(ds);
    // Keyed by entry id: each audit.list call adds an entry of its own, so offset pages overlap by one.
    const denials = new Map<number, string>();
    for (let offset = 0; ; offset += 500) {
      const page = await call(core, 'audit.list', { offset, limit: 500 });
      // The statistics' own denials (their test above) are about no client and are checked there.
      for (const r of page.rows) if (r.outcome === 'denied' && !r.action.startsWith('statistics.')) denials.set(r.id, `${r.actorId}|${r.action}|${r.entityId ?? '-'}`);
      if (page.rows.length < 500) break;
    }
    const expected = outcomes
      .filter((o) => o.code === 'permission.denied')
      // Roles without client access are stopped before the input is read, so their entry names no record.
      .map((o) => {
        const gated = DATA_SUBJECT_METHODS.includes(o.probe.method) ? DATA_SUBJECT_ROLES : CASE_WORK_ROLES;
        return `${o.user.id}|${o.probe.method}|${gated.includes(o.user.role) ? o.fixture.id : '-'}`;
      });
    expect([...denials.values()].sort()).toEqual(expected.sort());
  });
});

describe('consent revocation', () => {
  it('takes effect on the next call, and the refused call is audited', async () => {
    const tmp = tempDir();
    const { core } = await setupVault(tmp.dir);
    try {
      const abh = USERS.find((u) => u.key === 'abh')!;
      const fm = USERS.find((u) => u.key === 'fm')!;
      for (const u of [abh, fm]) await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, { login: u.login, displayName: u.key, role: u.role as 'abh', passphrase: u.passphrase });
      await call(core, 'session.lock');
      await call(core, 'session.unlock', { login: fm.login, passphrase: fm.passphrase });
      const client = await call(core, 'clients.create', { familyName: 'Haddad', givenNames: 'Rami', birthDate: '1988-03-01' });
      const consented = await call(core, 'consents.add', {
        clientId: client.id,
        parties: ['abh-lunen'],
        categories: ['residence'],
        purpose: 'Verlängerung der Aufenthaltserlaubnis',
        validFrom: TODAY,
        form: 'oral',
        oralRecord: 'Im Beratungsgespräch',
      });
      await call(core, 'session.lock');
      await call(core, 'session.unlock', { login: abh.login, passphrase: abh.passphrase });
      expect((await call(core, 'clients.get', { id: client.id })).access.categories).toEqual(['residence']);

      await call(core, 'session.lock');
      await call(core, 'session.unlock', { login: fm.login, passphrase: fm.passphrase });
      const consent = consented.consents[0]!;
      const revoked = await call(core, 'consents.revoke', { id: consent.id, version: consent.version, revokedOn: TODAY, form: 'written', note: 'Schreiben vom heutigen Tag' });
      expect(revoked.consents[0]).toMatchObject({ status: 'revoked', revocation: { on: TODAY, form: 'written' } });
      expect(await core.dispatch('consents.revoke', { id: consent.id, version: consent.version + 1, revokedOn: TODAY, form: 'written' })).toMatchObject({
        error: { code: 'consent.alreadyRevoked' },
      });

      await call(core, 'session.lock');
      await call(core, 'session.unlock', { login: abh.login, passphrase: abh.passphrase });
      expect(await core.dispatch('clients.get', { id: client.id })).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'scope' } } });
      expect(await call(core, 'clients.search', { query: 'Haddad' })).toEqual([]);

      await call(core, 'session.lock');
      await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
      const trail = await call(core, 'audit.list', { entityId: client.id });
      expect(trail.rows.map((r) => `${r.action}:${r.outcome}`)).toEqual(
        expect.arrayContaining(['clients.get:denied', 'consents.revoke:ok', 'consents.add:ok', 'clients.get:ok']),
      );
    } finally {
      await core.close();
      tmp.cleanup();
    }
  }, 120_000);
});

/** A vault with one account of every role of this office (USERS), enrolled as at a workstation; IT's first. */
async function vaultWithEveryRole(prefix: string): Promise<{ tmp: ReturnType<typeof tempDir>; core: CoreDispatcher; admin: { login: string; passphrase: string }; byRole: Map<Role, User> }> {
  const tmp = tempDir(prefix, true);
  const { core } = await setupVault(tmp.dir);
  const admin = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
  const byRole = new Map<Role, User>([['it-admin', USERS.find((u) => u.key === 'admin')!]]);
  for (const u of USERS.filter((x) => x.key !== 'admin' && x.key !== 'fmWerne')) {
    const approver = u.key === 'ds' ? undefined : USERS.find((x) => x.key === 'ds');
    await enrolAccount(core, admin, { login: u.login, displayName: u.key, role: u.role, passphrase: u.passphrase }, approver);
    byRole.set(u.role, u);
  }
  return { tmp, core, admin, byRole };
}

describe('retention, deletion and restriction by role (every role × every method)', () => {
  it('lets exactly the roles of retention-domain.ts (and Datenschutz for "privacy") past the role check, and refuses writes to a restricted file for every case-work role', async () => {
    const { tmp, core, byRole } = await vaultWithEveryRole('kim-akte-matrix-retention-');
    try {
      const as = async (u: User) => {
        await call(core, 'session.lock');
        await call(core, 'session.unlock', { login: u.login, passphrase: u.passphrase });
      };
      await as(byRole.get('fallmanagement')!);
      const client = await call(core, 'clients.create', { familyName: 'Sperre', givenNames: 'Test', birthDate: '1990' });
      const kase = await call(core, 'cases.open', { clientId: client.id });
      const methods = (Object.keys(contract) as MethodName[]).filter((m) => /^(retention|deletions|restrictions)\./.test(m));
      expect(methods.length).toBe(9);
      const roleOk: Record<string, readonly Role[]> = {
        privacy: ['datenschutz'],
        retentionRequest: RETENTION_ROLES.request,
        retentionDecide: RETENTION_ROLES.decide,
      };
      const rows: string[] = [];
      for (const [role, user] of byRole) {
        await as(user);
        for (const method of methods) {
          const allowedRoles = roleOk[contract[method].access];
          expect(allowedRoles, method).toBeDefined();
          // An input that passes validation and names nothing: past the role check it fails on the record, not on access.
          const input = { id: '00000000-0000-4000-8000-000000000009', clientId: '00000000-0000-4000-8000-000000000009', passphrase: user.passphrase, packagePassphrase: 'Archivpassphrase lang genug 1', reason: 'Richtigkeit bestritten', ground: 'subject', query: '', dueOnly: true };
          const shaped = contract[method].input.safeParse(input).success ? input : Object.fromEntries(Object.entries(input).filter(([k]) => Object.keys((contract[method].input as unknown as { shape?: object }).shape ?? {}).includes(k)));
          const r = await core.dispatch(method, shaped);
          const denied = !r.ok && r.error.code === 'permission.denied';
          rows.push(`${role} ${method} ${denied ? 'denied' : 'passed'}`);
          expect(denied, `${role} ${method}: ${JSON.stringify(r)}`).toBe(!allowedRoles!.includes(role));
          if (!r.ok) expect(r.error.code, `${role} ${method}`).not.toBe('internal');
        }
      }
      expect(rows).toHaveLength(methods.length * byRole.size);

      // A restricted file: every case-work role is refused a write with the reason 'restricted', reads go on.
      await as(byRole.get('datenschutz')!);
      await call(core, 'restrictions.set', { clientId: client.id, reason: 'Richtigkeit bestritten' });
      for (const role of CASE_WORK_ROLES) {
        await as(byRole.get(role)!);
        const write = await core.dispatch('followUps.add', { caseId: kase.id, title: 'Wiedervorlage', dueDate: TODAY });
        if (role === 'abh') expect(write).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
        else expect(write, role).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'restricted' } } });
        if (role !== 'abh') expect((await call(core, 'clients.get', { id: client.id })).access.restricted, role).toBe(true);
      }
    } finally {
      await core.close();
      tmp.cleanup();
    }
  }, 240_000);
});

describe('IT administration alone: health check, repair, backup and the backup state (every role × every method)', () => {
  it('lets only IT administration run them, audits every refusal, and writes no backup for another role', async () => {
    const { tmp, core, admin, byRole } = await vaultWithEveryRole('kim-akte-matrix-it-');
    try {
      const methods = (Object.keys(contract) as MethodName[]).filter((m) => m.startsWith('system.') || m.startsWith('backup.') || m === 'vault.backup');
      expect([...methods].sort()).toEqual(['backup.status', 'system.health', 'system.repair', 'vault.backup']);
      const input = (method: MethodName, role: Role): unknown =>
        method === 'system.health' ? { scope: 'quick' } : method === 'vault.backup' ? { to: join(tmp.dir, `${role}.kimbackup`) } : {};
      for (const [role, user] of byRole) {
        await call(core, 'session.lock');
        await call(core, 'session.unlock', { login: user.login, passphrase: user.passphrase });
        for (const method of methods) {
          expect(contract[method].access, method).toBe('admin');
          const r = await core.dispatch(method, input(method, role));
          if (role === 'it-admin') expect(r.ok, `${role} ${method}: ${JSON.stringify(r)}`).toBe(true);
          else expect(r, `${role} ${method}`).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
        }
        expect(existsSync(join(tmp.dir, `${role}.kimbackup`)), role).toBe(role === 'it-admin');
      }
      await call(core, 'session.lock');
      await call(core, 'session.unlock', admin);
      for (const method of methods) {
        const rows = (await call(core, 'audit.list', { action: method, limit: 100 })).rows;
        expect(rows.filter((r) => r.outcome === 'denied').map((r) => r.actorRole).sort(), method).toEqual([...byRole.keys()].filter((r) => r !== 'it-admin').sort());
      }
    } finally {
      await core.close();
      tmp.cleanup();
    }
  }, 240_000);
});
