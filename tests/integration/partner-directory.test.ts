import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { contract, type MethodName } from '../../electron/core/contract/methods';
import type { Role } from '../../electron/core/contract/offices';
import { DIRECTORY_ROLES } from '../../electron/core/contract/partner-domain';
import type { PartnerSummary } from '../../electron/core/contract/types/partner-types';
import { enrolAccounts } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';

/**
 * The partner directory on a real vault: who may read, edit, propose and decide; search by service, language and
 * office; proposals applied on acceptance; contact persons' reads and writes in the audit trail; every write in the
 * change log for sync.
 */

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const PEOPLE = {
  ko: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  fm: { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' },
  vw: { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung' as const, passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' },
  abh: { login: 'abh.kaya', displayName: 'Selin Kaya', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' },
  ds: { login: 'ds.brandt', displayName: 'Dirk Brandt', role: 'datenschutz' as const, passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' },
};
type Who = keyof typeof PEOPLE | 'admin';

const AWO_SELM = {
  name: 'AWO Integrationskurse Selm',
  kind: 'sprachkurstraeger',
  rechtskreise: [],
  street: 'Kreisstraße 12',
  postalCode: '59379',
  city: 'Selm',
  openingHours: 'Mo–Do 9–15 Uhr',
  phone: '02592 1234-0',
  email: 'integration@awo-selm.example',
  languages: ['de', 'ar', 'uk'],
  services: ['integration-course', 'childcare-during-course'],
  offices: ['selm'],
  notes: null,
};

describe('partner directory', () => {
  const tmp = tempDir('kim-akte-partners-');
  let core: CoreDispatcher;
  let recoveryKey: string;

  const signIn = async (who: Who) => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', who === 'admin' ? ADMIN : { login: PEOPLE[who].login, passphrase: PEOPLE[who].passphrase });
  };
  const auditRows = (action: string) => {
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      return db.prepare('SELECT action, entity, entity_id AS entityId, fields, outcome, actor_role AS role FROM audit_entry WHERE action = ? ORDER BY id').all(action) as {
        action: string;
        entity: string | null;
        entityId: string | null;
        fields: string | null;
        outcome: string;
        role: string;
      }[];
    } finally {
      db.close();
    }
  };
  const changes = (entity: string, entityId: string) => {
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      return db.prepare('SELECT fields, operation FROM change_entry WHERE entity = ? AND entity_id = ? ORDER BY hlc').all(entity, entityId) as { fields: string; operation: string }[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    await enrolAccounts(core, ADMIN, Object.values(PEOPLE));
  }, 240_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('lets Koordination keep partners and contacts, and records every write in the change log and the audit trail', async () => {
    await signIn('ko');
    const awo = await call(core, 'partners.save', AWO_SELM);
    expect(awo).toMatchObject({ name: AWO_SELM.name, kind: 'sprachkurstraeger', languages: ['ar', 'de', 'uk'], offices: ['selm'], version: 1, archived: false });
    const contact = await call(core, 'partnerContacts.save', { partnerId: awo.id, name: 'Miriam Schäfer', function: 'Kursorganisation', phone: '02592 1234-12', email: '' });
    expect(contact).toEqual({ id: expect.any(String), partnerId: awo.id, name: 'Miriam Schäfer', function: 'Kursorganisation', phone: '02592 1234-12', email: null });
    const changed = await call(core, 'partners.save', { ...AWO_SELM, id: awo.id, version: 1, openingHours: 'Mo–Fr 8–14 Uhr' });
    expect(changed.version).toBe(2);
    // A second editor who started from version 1 is refused, not silently overwritten.
    expect(await core.dispatch('partners.save', { ...AWO_SELM, id: awo.id, version: 1, city: 'Lünen' })).toMatchObject({ ok: false, error: { code: 'record.staleVersion' } });

    expect(changes('partner', awo.id).map((c) => JSON.parse(c.fields) as string[])).toEqual([
      ['city', 'email', 'kind', 'languages', 'name', 'notes', 'offices', 'openingHours', 'phone', 'postalCode', 'rechtskreise', 'services', 'street'],
      ['openingHours'],
    ]);
    expect(changes('partner_contact', contact.id)).toEqual([{ fields: JSON.stringify(['email', 'function', 'name', 'partnerId', 'phone']), operation: 'upsert' }]);
    expect(auditRows('partnerContacts.save')).toEqual([
      { action: 'partnerContacts.save', entity: 'partner-contact', entityId: contact.id, fields: JSON.stringify(['name', 'function', 'phone', 'email']), outcome: 'ok', role: 'koordination' },
    ]);
    // No contact person's value in the audit trail or the change log: names of fields only.
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      const dump = JSON.stringify([db.prepare('SELECT * FROM audit_entry').all(), db.prepare('SELECT * FROM change_entry').all()]);
      expect(dump).not.toContain('Schäfer');
      expect(dump).not.toContain('1234-12');
    } finally {
      db.close();
    }
  });

  it('audits every read of contact persons, per contact', async () => {
    await signIn('ko');
    const [awo] = await call(core, 'partners.search', { query: 'AWO' });
    await signIn('abh');
    const detail = await call(core, 'partners.get', { id: awo!.id });
    expect(detail.contacts.map((c) => c.name)).toEqual(['Miriam Schäfer']);
    const reads = auditRows('partners.get').filter((r) => r.role === 'abh');
    expect(reads).toEqual([{ action: 'partners.get', entity: 'partner-contact', entityId: detail.contacts[0]!.id, fields: JSON.stringify(['name', 'function', 'phone', 'email']), outcome: 'ok', role: 'abh' }]);
    // The search answers organisations only: no contact person in a list, nothing personal to audit.
    const hits = await call(core, 'partners.search', {});
    expect(hits.every((h) => !('contacts' in h))).toBe(true);
    expect(auditRows('partners.search')).toEqual([]);
  });

  it('finds partners by service, language and office together ("Integrationskurs mit Kinderbetreuung in Selm")', async () => {
    await signIn('ko');
    const add = (name: string, over: Record<string, unknown>) => call(core, 'partners.save', { ...AWO_SELM, name, ...over });
    await add('VHS Lünen', { kind: 'sprachkurstraeger', city: 'Lünen', offices: ['lunen'], services: ['integration-course', 'childcare-during-course'], languages: ['de', 'ar'] });
    await add('Caritas Migrationsdienst Werne', { kind: 'migrationsberatung', city: 'Werne', offices: ['werne', 'selm'], services: ['migration-counselling-adults', 'integration-course'], languages: ['de', 'ru', 'fa'] });
    await add('Sprachtreff Selm (Ehrenamt)', { kind: 'ehrenamt', offices: ['selm'], services: ['integration-course'], languages: ['de', 'fa'] });
    const archived = await add('Alte Kursschule Selm', {});
    await call(core, 'partners.archive', { id: archived.id, version: 1, archived: true });

    const names = (hits: PartnerSummary[]) => hits.map((h) => h.name);
    await signIn('fm');
    expect(names(await call(core, 'partners.search', { services: ['integration-course', 'childcare-during-course'], office: 'selm' }))).toEqual(['AWO Integrationskurse Selm']);
    expect(names(await call(core, 'partners.search', { services: ['integration-course'], office: 'selm', language: 'fa' }))).toEqual([
      'Caritas Migrationsdienst Werne',
      'Sprachtreff Selm (Ehrenamt)',
    ]);
    expect(names(await call(core, 'partners.search', { services: ['integration-course', 'childcare-during-course'] }))).toEqual(['AWO Integrationskurse Selm', 'VHS Lünen']);
    expect(names(await call(core, 'partners.search', { kind: 'migrationsberatung' }))).toEqual(['Caritas Migrationsdienst Werne']);
    expect(names(await call(core, 'partners.search', { query: 'lünen' }))).toEqual(['VHS Lünen']);
    // "%" is text, not a wildcard.
    expect(await call(core, 'partners.search', { query: '%' })).toEqual([]);
    expect(names(await call(core, 'partners.search', { query: 'Kursschule', includeArchived: true }))).toEqual(['Alte Kursschule Selm']);
    expect(await call(core, 'partners.search', { query: 'Kursschule' })).toEqual([]);
  });

  it('rejects invalid input naming the field, and stores nothing', async () => {
    await signIn('ko');
    const paths = async (method: MethodName, input: unknown) => {
      const r = await core.dispatch(method, input);
      if (r.ok || r.error.code !== 'validation.invalid') return r.ok ? 'ok' : r.error.code;
      return (r.error.params.issues as { path: string }[]).map((i) => i.path);
    };
    expect(await paths('partners.save', { ...AWO_SELM, name: 'X' })).toEqual(['name']);
    expect(await paths('partners.save', { ...AWO_SELM, name: 'Neu', kind: 'bank' })).toEqual(['kind']);
    expect(await paths('partners.save', { ...AWO_SELM, name: 'Neu', postalCode: '5937' })).toEqual(['postalCode']);
    expect(await paths('partners.save', { ...AWO_SELM, name: 'Neu', email: 'kein-mail' })).toEqual(['email']);
    expect(await paths('partners.save', { ...AWO_SELM, name: 'Neu', services: ['haircut'] })).toEqual(['services.0']);
    expect(await paths('partners.save', { ...AWO_SELM, name: 'Neu', languages: ['Arabisch'] })).toEqual(['languages.0']);
    expect(await paths('partners.save', { ...AWO_SELM, name: 'Neu', offices: ['dortmund'] })).toEqual(['offices.0']);
    expect(await paths('partners.save', { ...AWO_SELM, id: crypto.randomUUID() })).toEqual(['version']);
    const [awo] = await call(core, 'partners.search', { query: 'AWO' });
    expect(await paths('partnerContacts.save', { partnerId: awo!.id, name: 'M', phone: 'abc' })).toEqual(['name', 'phone']);
    expect(await paths('partnerContacts.save', { partnerId: awo!.id, name: 'Max Muster', birthDate: '1980-01-01' })).toEqual(['']);
    expect(await paths('partnerProposals.decide', { id: 'x', accept: 'ja' })).toEqual(['id', 'accept']);
    expect(await call(core, 'partners.search', { query: 'Neu' })).toEqual([]);
  });

  it('lets a case manager propose; Koordination accepts (applied and audited) or rejects; a proposal is decided once', async () => {
    await signIn('ko');
    const [awo] = await call(core, 'partners.search', { query: 'AWO' });
    const before = await call(core, 'partners.get', { id: awo!.id });
    await signIn('fm');
    const changeHours = await call(core, 'partnerProposals.propose', {
      target: 'partner',
      partnerId: awo!.id,
      partner: { ...AWO_SELM, openingHours: 'Mo–Fr 8–16 Uhr', languages: ['de', 'ar', 'uk', 'ti'] },
      comment: 'Neue Zeiten laut Aushang',
    });
    expect(changeHours).toMatchObject({ target: 'partner', partnerName: AWO_SELM.name, proposedByName: 'Derya Yilmaz', status: 'open', decidedByName: null });
    const newContact = await call(core, 'partnerProposals.propose', { target: 'contact', partnerId: awo!.id, contact: { name: 'Hasan Demir', function: 'Kinderbetreuung' } });
    const newPartner = await call(core, 'partnerProposals.propose', { target: 'partner', partner: { ...AWO_SELM, name: 'Frauencafé Lünen', kind: 'ehrenamt', offices: ['lunen'] } });
    // Nothing changes before a decision.
    expect((await call(core, 'partners.get', { id: awo!.id })).openingHours).toBe(before.openingHours);
    // The case manager sees their own proposals; Koordination sees everyone's.
    expect((await call(core, 'partnerProposals.list', {})).map((p) => p.id).sort()).toEqual([changeHours.id, newContact.id, newPartner.id].sort());

    await signIn('ko');
    expect((await call(core, 'partnerProposals.list', {})).map((p) => p.id)).toHaveLength(3);
    const accepted = await call(core, 'partnerProposals.decide', { id: changeHours.id, accept: true });
    expect(accepted).toMatchObject({ status: 'accepted', decidedByName: 'Katrin Lange' });
    const after = await call(core, 'partners.get', { id: awo!.id });
    expect(after).toMatchObject({ openingHours: 'Mo–Fr 8–16 Uhr', languages: ['ar', 'de', 'ti', 'uk'], version: before.version + 1 });
    const contactAccepted = await call(core, 'partnerProposals.decide', { id: newContact.id, accept: true, note: 'Telefonisch bestätigt' });
    expect((await call(core, 'partners.get', { id: awo!.id })).contacts.map((c) => c.name)).toEqual(['Hasan Demir', 'Miriam Schäfer']);
    expect(contactAccepted.contactId).toEqual(expect.any(String));
    const rejected = await call(core, 'partnerProposals.decide', { id: newPartner.id, accept: false, note: 'Gibt es schon' });
    expect(rejected.status).toBe('rejected');
    expect(await call(core, 'partners.search', { query: 'Frauencafé' })).toEqual([]);
    expect(await core.dispatch('partnerProposals.decide', { id: changeHours.id, accept: false })).toEqual({
      ok: false,
      error: { code: 'partnerProposal.decided', params: { status: 'accepted' } },
    });
    expect(await call(core, 'partnerProposals.list', {})).toEqual([]);
    expect((await call(core, 'partnerProposals.list', { status: 'decided' })).map((p) => p.status).sort()).toEqual(['accepted', 'accepted', 'rejected']);

    // Audited: the decision under the proposal, the applied change under the partner and the new contact person.
    const decided = auditRows('partnerProposals.decide');
    expect(decided).toContainEqual({ action: 'partnerProposals.decide', entity: 'partner-proposal', entityId: changeHours.id, fields: '["accepted"]', outcome: 'ok', role: 'koordination' });
    expect(decided).toContainEqual({
      action: 'partnerProposals.decide',
      entity: 'partner',
      entityId: awo!.id,
      fields: JSON.stringify([`proposal:${changeHours.id}`, 'openingHours', 'languages']),
      outcome: 'ok',
      role: 'koordination',
    });
    expect(decided).toContainEqual(expect.objectContaining({ entity: 'partner-contact', entityId: contactAccepted.contactId }));
    expect(changes('partner', awo!.id).at(-1)).toEqual({ fields: JSON.stringify(['languages', 'openingHours']), operation: 'upsert' });
    expect(changes('partner_proposal', changeHours.id).map((c) => c.fields)).toHaveLength(2);
  });

  it('applies on acceptance only what the proposer changed, keeping what Koordination changed in the meantime', async () => {
    await signIn('ko');
    const [vhs] = await call(core, 'partners.search', { query: 'VHS' });
    const current = await call(core, 'partners.get', { id: vhs!.id });
    const { id: _id, version: _v, archived: _a, contacts: _c, updatedAt: _u, ...fields } = current;
    await signIn('fm');
    // The proposer works from the entry as it is now, changes the hours and lists the same languages in another order.
    const proposal = await call(core, 'partnerProposals.propose', {
      target: 'partner',
      partnerId: vhs!.id,
      partner: { ...fields, openingHours: 'Di und Do 10–12 Uhr', languages: [...fields.languages].reverse() },
    });
    await signIn('ko');
    await call(core, 'partners.save', { ...fields, id: vhs!.id, version: current.version, notes: 'Neue Leitung ab Januar', languages: [...fields.languages, 'uk'] });
    await call(core, 'partnerProposals.decide', { id: proposal.id, accept: true });
    const after = await call(core, 'partners.get', { id: vhs!.id });
    expect(after.openingHours).toBe('Di und Do 10–12 Uhr');
    expect(after.notes).toBe('Neue Leitung ab Januar');
    expect(after.languages).toEqual([...fields.languages, 'uk'].sort());
  });

  it('removes a contact person with a tombstone in the change log', async () => {
    await signIn('ko');
    const [awo] = await call(core, 'partners.search', { query: 'AWO' });
    const { contacts } = await call(core, 'partners.get', { id: awo!.id });
    const hasan = contacts.find((c) => c.name === 'Hasan Demir')!;
    expect(await call(core, 'partnerContacts.remove', { id: hasan.id })).toBeNull();
    expect((await call(core, 'partners.get', { id: awo!.id })).contacts.map((c) => c.name)).toEqual(['Miriam Schäfer']);
    expect(changes('partner_contact', hasan.id).at(-1)).toEqual({ fields: '[]', operation: 'delete' });
    expect(auditRows('partnerContacts.remove')).toEqual([expect.objectContaining({ entity: 'partner-contact', entityId: hasan.id, outcome: 'ok' })]);
  });

  it('allows each method exactly to the roles of the directory table, and audits every refusal', async () => {
    await signIn('ko');
    const [awo] = await call(core, 'partners.search', { query: 'AWO' });
    const detail = await call(core, 'partners.get', { id: awo!.id });
    const contactId = detail.contacts[0]!.id;
    await signIn('fm');
    const open = await call(core, 'partnerProposals.propose', { target: 'contact', partnerId: awo!.id, contactId, contact: { name: 'Miriam Schäfer', function: 'Leitung', phone: null, email: null } });
    // Inputs that pass validation; writes that succeed leave the data as it was for the next role.
    const probes: Record<string, () => unknown> = {
      'partners.search': () => ({ services: ['integration-course'] }),
      'partners.get': () => ({ id: awo!.id }),
      'partners.save': () => ({ ...AWO_SELM, id: awo!.id, version: 999 }),
      'partners.archive': () => ({ id: awo!.id, version: 999, archived: true }),
      'partnerContacts.save': () => ({ partnerId: awo!.id, id: contactId, name: 'Miriam Schäfer', function: 'Kursorganisation', phone: '02592 1234-12' }),
      'partnerContacts.remove': () => ({ id: crypto.randomUUID() }),
      'partnerProposals.list': () => ({}),
      'partnerProposals.propose': () => ({ target: 'partner', partnerId: 'not-a-uuid', partner: AWO_SELM }),
      'partnerProposals.decide': () => ({ id: open.id, accept: false, note: 'Rolle prüft' }),
      'partnerConflicts.list': () => ({}),
      'partnerConflicts.resolve': () => ({ id: '0'.repeat(32), keep: 'other' }),
    };
    const directoryMethods = (Object.keys(contract) as MethodName[]).filter((m) => m.startsWith('partner'));
    expect(directoryMethods.sort()).toEqual(Object.keys(probes).sort());
    const rule: Record<string, readonly Role[]> = {
      directory: DIRECTORY_ROLES.read,
      directoryEdit: DIRECTORY_ROLES.edit,
      directoryPropose: DIRECTORY_ROLES.propose,
      directoryProposals: DIRECTORY_ROLES.proposals,
    };
    // The rules as this task states them, independent of the table: Koordination edits, case managers propose.
    expect(DIRECTORY_ROLES).toEqual({
      read: ['fallmanagement', 'verwaltung', 'abh', 'koordination'],
      edit: ['koordination'],
      propose: ['fallmanagement'],
      proposals: ['koordination', 'fallmanagement'],
    });
    const wrong: string[] = [];
    for (const who of ['admin', 'ds', 'abh', 'vw', 'fm', 'ko'] as const) {
      await signIn(who);
      const role: Role = who === 'admin' ? 'it-admin' : PEOPLE[who].role;
      for (const m of directoryMethods) {
        const r = await core.dispatch(m, probes[m]!());
        const allowed = rule[contract[m].access]!.includes(role);
        const denied = !r.ok && r.error.code === 'permission.denied';
        if (denied === allowed) wrong.push(`${role} × ${m}: ${JSON.stringify(r).slice(0, 120)}`);
        if (!r.ok && !denied && r.error.code === 'internal') wrong.push(`${role} × ${m}: internal`);
      }
    }
    expect(wrong).toEqual([]);
    const refusals = ['partners.get', 'partners.save', 'partnerProposals.decide'].flatMap((a) => auditRows(a).filter((r) => r.outcome === 'denied').map((r) => `${r.role}:${a}`));
    expect(refusals.sort()).toEqual(
      ['it-admin:partners.get', 'datenschutz:partners.get', ...['it-admin', 'datenschutz', 'abh', 'verwaltung', 'fallmanagement'].flatMap((r) => [`${r}:partners.save`, `${r}:partnerProposals.decide`])].sort(),
    );
    // The refusal says it is about the directory, not about client data.
    await signIn('vw');
    expect(await core.dispatch('partners.save', AWO_SELM)).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'directoryRole' } } });
  }, 120_000);
});
