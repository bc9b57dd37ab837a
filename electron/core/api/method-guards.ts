import type { EntityManager } from 'typeorm';
import type { CaseWorkMethod, ParsedInputOf } from '../contract/methods';
import { AppError } from '../contract/errors';
import type { DocumentCategory, LifeArea } from '../contract/case-domain';
import { DOCUMENT_DATA_CATEGORY, LIFE_AREA_DATA_CATEGORY, type DataCategory } from '../contract/data-categories';
import { AccessDenied } from '../domain/access/access-denied';
import type { AccessPolicy, ClientAccess } from '../domain/access/access-policy';
import { conflictTarget } from '../domain/sync/conflicts';

/**
 * The client file a call touches and which part of it: `category` undefined means the file as a whole (what the
 * caller may see of it is then cut to its categories), null means something that never leaves the owning office
 * (follow-ups, uncategorised documents, case steering).
 */
export interface Target {
  entity: string;
  entityId: string;
  clientId: string;
  category?: DataCategory | null;
}

/**
 * How a client-data method is checked before its handler runs:
 * - `list`: results are cut to visible clients inside the service (search, list, overview);
 * - `create`: a new file in the caller's own office, for roles that keep files;
 * - `read` / `write`: one client file found from the input.
 */
export type Guard<M extends CaseWorkMethod> =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'read' | 'write'; target: (input: ParsedInputOf<M>, m: EntityManager) => Promise<Target> };

async function row<T>(m: EntityManager, sql: string, id: string, entity: string): Promise<T> {
  const [found] = (await m.query(sql, [id])) as T[];
  if (!found) throw new AppError('record.notFound', { entity });
  return found;
}

const client = (id: string, category?: DataCategory | null) => async (): Promise<Target> => ({ entity: 'client', entityId: id, clientId: id, category });

async function caseTarget(m: EntityManager, caseId: string, category?: DataCategory | null): Promise<Target> {
  const k = await row<{ client_id: string }>(m, 'SELECT client_id FROM kim_case WHERE id = ?', caseId, 'case');
  return { entity: 'case', entityId: caseId, clientId: k.client_id, category };
}

async function goalTarget(m: EntityManager, goalId: string): Promise<Target> {
  const g = await row<{ client_id: string; area: LifeArea }>(
    m,
    'SELECT k.client_id, g.area FROM goal g JOIN kim_case k ON k.id = g.case_id WHERE g.id = ?',
    goalId,
    'goal',
  );
  return { entity: 'goal', entityId: goalId, clientId: g.client_id, category: LIFE_AREA_DATA_CATEGORY[g.area] };
}

async function documentTarget(m: EntityManager, id: string): Promise<Target> {
  const d = await row<{ client_id: string; category: DocumentCategory }>(m, 'SELECT client_id, category FROM document WHERE id = ?', id, 'document');
  return { entity: 'document', entityId: id, clientId: d.client_id, category: DOCUMENT_DATA_CATEGORY[d.category] };
}

const ownedBy = (table: string, entity: string, category: DataCategory) => async (id: string, m: EntityManager): Promise<Target> => {
  const r = await row<{ client_id: string }>(m, `SELECT client_id FROM ${table} WHERE id = ?`, id, entity);
  return { entity, entityId: id, clientId: r.client_id, category };
};
const householdMember = ownedBy('household_member', 'household', 'family');
const residenceStatus = ownedBy('residence_status', 'residence', 'residence');
const consentRecord = ownedBy('consent', 'consent', 'master');

/** A referral's case file; its writes stay in the keeping office (like follow-ups), its categories are checked by the service. */
async function referralTarget(m: EntityManager, id: string): Promise<Target> {
  const r = await row<{ case_id: string }>(m, 'SELECT case_id FROM referral WHERE id = ? AND deleted_at IS NULL', id, 'referral');
  return { ...(await caseTarget(m, r.case_id, null)), entity: 'referral', entityId: id };
}

/** One guard per client-data method; the compiler refuses a new caseWork method without one. */
export const METHOD_GUARDS: { [M in CaseWorkMethod]: Guard<M> } = {
  'accounts.caseManagers': { kind: 'create' },
  'clients.search': { kind: 'list' },
  'clients.checkDuplicates': { kind: 'create' },
  'clients.list': { kind: 'list' },
  'work.overview': { kind: 'list' },
  'clients.create': { kind: 'create' },
  'clients.get': { kind: 'read', target: (i) => client(i.id)() },
  'clients.update': { kind: 'write', target: (i) => client(i.id, 'master')() },
  'household.add': { kind: 'write', target: (i) => client(i.clientId, 'family')() },
  'household.remove': { kind: 'write', target: (i, m) => householdMember(i.id, m) },
  'residence.add': { kind: 'write', target: (i) => client(i.clientId, 'residence')() },
  'residence.remove': { kind: 'write', target: (i, m) => residenceStatus(i.id, m) },
  'documents.upload': { kind: 'write', target: (i) => client(i.clientId, DOCUMENT_DATA_CATEGORY[i.category])() },
  'documents.content': { kind: 'read', target: (i, m) => documentTarget(m, i.id) },
  'documents.delete': { kind: 'write', target: (i, m) => documentTarget(m, i.id) },
  'consents.add': { kind: 'write', target: (i) => client(i.clientId, 'master')() },
  'consents.revoke': { kind: 'write', target: (i, m) => consentRecord(i.id, m) },
  // Printing the form for signing is the keeping office's work: null keeps it there (a consent party is refused).
  'consents.printForm': { kind: 'read', target: async (i, m) => ({ ...(await consentRecord(i.consentId, m)), category: null }) },
  'cases.open': { kind: 'write', target: (i) => client(i.clientId, null)() },
  'cases.get': { kind: 'read', target: (i, m) => caseTarget(m, i.id) },
  'cases.setPhase': { kind: 'write', target: (i, m) => caseTarget(m, i.id, null) },
  'cases.close': { kind: 'write', target: (i, m) => caseTarget(m, i.id, null) },
  'assessment.set': { kind: 'write', target: (i, m) => caseTarget(m, i.caseId, LIFE_AREA_DATA_CATEGORY[i.area]) },
  'goals.add': { kind: 'write', target: (i, m) => caseTarget(m, i.caseId, LIFE_AREA_DATA_CATEGORY[i.area]) },
  'goals.setStatus': { kind: 'write', target: (i, m) => goalTarget(m, i.id) },
  'measures.add': { kind: 'write', target: (i, m) => goalTarget(m, i.goalId) },
  'measures.setStatus': {
    kind: 'write',
    target: async (i, m) => {
      const r = await row<{ goal_id: string }>(m, 'SELECT goal_id FROM measure WHERE id = ?', i.id, 'measure');
      return { ...(await goalTarget(m, r.goal_id)), entity: 'measure', entityId: i.id };
    },
  },
  'notes.add': { kind: 'write', target: (i, m) => caseTarget(m, i.caseId, 'conversation-notes') },
  'followUps.add': { kind: 'write', target: (i, m) => caseTarget(m, i.caseId, null) },
  'followUps.complete': {
    kind: 'write',
    target: async (i, m) => {
      const f = await row<{ case_id: string }>(m, 'SELECT case_id FROM follow_up WHERE id = ?', i.id, 'follow-up');
      return { ...(await caseTarget(m, f.case_id, null)), entity: 'follow-up', entityId: i.id };
    },
  },
  'conferences.list': { kind: 'read', target: (i, m) => caseTarget(m, i.caseId) },
  // Recording a conference is case steering of the keeping office; categories inside are checked by the service.
  'conferences.save': {
    kind: 'write',
    target: async (i, m) => {
      if (!i.id) return caseTarget(m, i.caseId, null);
      const c = await row<{ case_id: string }>(m, 'SELECT case_id FROM case_conference WHERE id = ?', i.id, 'conference');
      return { ...(await caseTarget(m, c.case_id, null)), entity: 'case-conference', entityId: i.id };
    },
  },
  // An action under a goal is as sensitive as the goal's life area; the others are the office's work planning.
  'conferenceActions.setDone': {
    kind: 'write',
    target: async (i, m) => {
      const a = await row<{ case_id: string; area: LifeArea | null }>(
        m,
        'SELECT c.case_id, a.area FROM case_conference_action a JOIN case_conference c ON c.id = a.conference_id WHERE a.id = ?',
        i.id,
        'conference-action',
      );
      const category = a.area ? LIFE_AREA_DATA_CATEGORY[a.area] : null;
      return { ...(await caseTarget(m, a.case_id, category)), entity: 'conference-action', entityId: i.id };
    },
  },
  // Minutes leave the keeping office only; what each recipient may read is decided by the service.
  'conferences.printMinutes': {
    kind: 'read',
    target: async (i, m) => {
      const c = await row<{ case_id: string }>(m, 'SELECT case_id FROM case_conference WHERE id = ?', i.conferenceId, 'conference');
      return { ...(await caseTarget(m, c.case_id, null)), entity: 'case-conference', entityId: i.conferenceId };
    },
  },
  'conflicts.list': { kind: 'list' },
  'referrals.list': { kind: 'read', target: (i, m) => caseTarget(m, i.caseId) },
  'referrals.create': { kind: 'write', target: (i, m) => caseTarget(m, i.caseId, null) },
  'referrals.update': { kind: 'write', target: (i, m) => referralTarget(m, i.id) },
  'referrals.send': { kind: 'write', target: (i, m) => referralTarget(m, i.id) },
  'referrals.feedback': { kind: 'write', target: (i, m) => referralTarget(m, i.id) },
  'referrals.reopen': { kind: 'write', target: (i, m) => referralTarget(m, i.id) },
  'referrals.delete': { kind: 'write', target: (i, m) => referralTarget(m, i.id) },
  // Which partners hold the person's data: the keeping office's overview of its own disclosures.
  'referrals.dataHolders': { kind: 'read', target: (i) => client(i.clientId, null)() },
  // Printing the Überleitungsbogen is the keeping office's work (null: a consent party is refused); the service
  // checks the printing user sees every category the referral carries.
  'referrals.print': { kind: 'read', target: (i, m) => referralTarget(m, i.id) },
  // Hand-overs are the keeping office's (null: a consent party is refused); the receiving office writes once the
  // file has arrived and is kept there.
  'handovers.prepare': { kind: 'read', target: (i) => client(i.clientId, null)() },
  'handovers.send': { kind: 'write', target: (i) => client(i.clientId, null)() },
  'handovers.list': { kind: 'read', target: (i) => client(i.clientId, null)() },
  'handovers.incoming': { kind: 'list' },
  'handovers.accept': {
    kind: 'write',
    target: async (i, m) => {
      const h = await row<{ client_id: string }>(m, 'SELECT client_id FROM file_handover WHERE id = ?', i.id, 'file-handover');
      return { entity: 'file-handover', entityId: i.id, clientId: h.client_id, category: null };
    },
  },
  'conflicts.resolve': {
    kind: 'write',
    target: async (i, m) => {
      const t = await conflictTarget(m, i.id);
      return { entity: 'sync-conflict', entityId: i.id, clientId: t.clientId, category: t.category };
    },
  },
};

/** Whether `access` allows `kind` on `category` (see Target). */
export function allows(access: ClientAccess, kind: 'read' | 'write', category: DataCategory | null | undefined): boolean {
  if (kind === 'write' && !access.canWrite) return false;
  if (category === null) return access.owner && access.categories.size > 0;
  if (category === undefined) return access.categories.size > 0;
  return access.categories.has(category);
}

/**
 * Runs the method's guard: returns the caller's access to the one client file it touches (null for list and create
 * methods), or throws AccessDenied naming the record, which the dispatcher audits.
 */
export async function enforce<M extends CaseWorkMethod>(
  method: M,
  input: ParsedInputOf<M>,
  policy: AccessPolicy,
  m: EntityManager,
): Promise<ClientAccess | null> {
  const guard = METHOD_GUARDS[method] as Guard<M>;
  if (!policy.seesClients) throw new AccessDenied('role');
  if (guard.kind === 'list') return null;
  if (guard.kind === 'create') {
    if (!policy.keepsFiles) throw new AccessDenied('readOnly');
    // Methods without input (accounts.caseManagers) arrive as undefined.
    const office = (input as { office?: string } | undefined)?.office;
    if (office && office !== policy.user.office) throw new AccessDenied('scope');
    return null;
  }
  const target = await guard.target(input, m);
  const access = await policy.forClient(target.clientId);
  if (!access) throw new AppError('record.notFound', { entity: 'client' });
  // Restriction of processing (Art. 18): the one place every write to a file passes (the policy has cleared
  // canWrite); reads stay possible.
  if (guard.kind === 'write' && access.restricted) {
    throw new AccessDenied('restricted', { entity: 'client', entityId: target.clientId, fields: [`${target.entity}:${target.entityId}`] });
  }
  if (!allows(access, guard.kind, target.category)) {
    // In the keeping office a missing category is the role's ceiling; elsewhere it is a missing consent.
    const reason = access.categories.size === 0 ? (access.owner ? 'role' : 'scope') : guard.kind === 'write' && !access.canWrite ? 'readOnly' : access.owner ? 'roleCategory' : 'category';
    const part = target.category === undefined ? [] : [`category:${target.category ?? 'office-only'}`];
    throw new AccessDenied(reason, { entity: 'client', entityId: target.clientId, fields: [`${target.entity}:${target.entityId}`, ...part] });
  }
  return access;
}
