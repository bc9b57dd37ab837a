import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/core/contract/methods';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { call, openRawVault, tempDir } from '../helpers/temp-vault';
import { editableFields } from '../helpers/case-worker';
import { inviteAndJoin, lunenTwiceAndWerne, signIn, STAFF, syncAll, withCaseWorker, workstation, type Workstation } from '../helpers/sync-network';

const errorOf = (r: Result<unknown>) => (r.ok ? { code: 'ok', params: {} } : r.error);

function raw<T = Record<string, unknown>>(w: Workstation, sql: string, ...params: unknown[]): T[] {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const count = (w: Workstation, sql: string, ...params: unknown[]) => (raw<{ n: number }>(w, sql, ...params)[0]!).n;

/** A Lünen file with something of every kind: master data, status, household, a case with notes, a health goal, a follow-up and a document ("Sonstiges": never shared by consent, it reaches Werne only by the hand-over). */
async function lunenFile(w: Workstation) {
  const client = await call(w.core, 'clients.create', { familyName: 'Haddad', givenNames: 'Amal', birthDate: '1990-04-12', gender: 'female', nationalities: ['SY'], phone: '02306 555 0101', city: 'Lünen' });
  await call(w.core, 'residence.add', { clientId: client.id, type: 'aufenthaltserlaubnis', legalBasis: '§ 25 Abs. 2 AufenthG', validFrom: '2024-01-01', validUntil: '2027-01-01' });
  await call(w.core, 'household.add', { clientId: client.id, name: 'Sami Haddad', relation: 'child', birthYear: 2015 });
  const k = await call(w.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2', 'aufenthg'] });
  await call(w.core, 'notes.add', { caseId: k.id, occurredOn: '2026-11-20', kind: 'in-person', text: 'Erstgespräch: Umzug nach Werne geplant.' });
  await call(w.core, 'notes.add', { caseId: k.id, occurredOn: '2026-11-21', kind: 'phone', text: 'Intern: Wohnung in Werne zugesagt.', internal: true });
  await call(w.core, 'followUps.add', { caseId: k.id, title: 'Anmeldung Werne prüfen', dueDate: '2026-12-10' });
  await call(w.core, 'goals.add', { caseId: k.id, area: 'health', title: 'Therapieplatz finden' });
  const pdf = Buffer.from('%PDF-1.4\n% Mietvertrag Werne\n');
  await call(w.core, 'documents.upload', { clientId: client.id, caseId: k.id, fileName: 'Mietvertrag.pdf', mimeType: 'application/pdf', category: 'other', contentBase64: pdf.toString('base64') });
  return { clientId: client.id, caseId: k.id };
}

const consent = (clientId: string, parties: string[], categories: readonly string[]) => ({
  clientId,
  parties,
  categories,
  purpose: 'Übergabe der Akte an das KIM Werne nach Umzug',
  validFrom: '2026-11-01',
  form: 'oral' as const,
  oralRecord: 'Im Gespräch am 25.11. mit Dolmetscherin',
});

describe('handing a file to another of our offices (Fallübergabe)', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('moves the whole file to the receiving office by sync; the old office keeps nothing once it was sent; a third office learns the new keeper', async () => {
    tmp = tempDir('kim-akte-handover-');
    const { share, lunen1, lunen2, werne } = await lunenTwiceAndWerne(tmp.dir);
    const selm = await workstation(tmp.dir, 'selm-1', 'selm');
    const { clientId, caseId } = await lunenFile(lunen1);

    // Selm is not in the network yet, and the only consent naming Werne releases master data alone.
    await call(lunen1.core, 'consents.add', consent(clientId, ['werne'], ['master']));
    let prep = await call(lunen1.core, 'handovers.prepare', { clientId });
    expect(prep.networkJoined).toBe(true);
    expect(prep.heldCategories).toEqual(expect.arrayContaining(['master', 'residence', 'health', 'family', 'conversation-notes']));
    expect(prep.offices.map((o) => [o.office, o.inNetwork])).toEqual([['werne', true], ['selm', false]]);
    const narrow = prep.offices[0]!.consents[0]!;
    expect(narrow.missing).toEqual(prep.heldCategories.filter((c) => c !== 'master'));
    const send = { clientId, toOffice: 'werne' as const, consentId: narrow.id, reason: 'moved' as const, passphrase: STAFF.fm.passphrase };
    const refused = errorOf(await lunen1.core.dispatch('handovers.send', send));
    expect(refused.code).toBe('handover.consentInsufficient');
    expect((refused.params as Record<string, unknown>)['missing']).toEqual(narrow.missing);
    expect(errorOf(await lunen1.core.dispatch('handovers.send', { ...send, toOffice: 'selm' })).code).toBe('handover.officeNotInNetwork');

    // Selm joins and receives master data by consent; Werne gets a consent for the whole file.
    await signIn(lunen1, 'admin');
    await inviteAndJoin(lunen1, selm, share);
    await syncAll(lunen1, selm, lunen2, werne, lunen1);
    await withCaseWorker(selm);
    await signIn(lunen1, STAFF.fm.login);
    await call(lunen1.core, 'consents.add', consent(clientId, ['selm'], ['master']));
    await call(lunen1.core, 'consents.add', consent(clientId, ['werne'], DATA_CATEGORIES));
    await syncAll(lunen1, lunen2, werne, selm);
    expect(await call(selm.core, 'clients.get', { id: clientId })).toMatchObject({ office: 'lunen', phone: '02306 555 0101', access: { owner: false } });
    prep = await call(lunen1.core, 'handovers.prepare', { clientId });
    const full = prep.offices.find((o) => o.office === 'werne')!.consents.find((c) => !c.missing.length)!;

    // A wrong passphrase changes nothing.
    expect(errorOf(await lunen1.core.dispatch('handovers.send', { ...send, consentId: full.id, passphrase: 'falsch falsch falsch' })).code).toBe('passphrase.wrongCurrent');
    expect(raw(lunen1, 'SELECT office FROM client WHERE id = ?', clientId)).toEqual([{ office: 'lunen' }]);

    await call(lunen1.core, 'handovers.send', { ...send, consentId: full.id });
    // From now on Lünen reads what it still holds and writes nothing.
    expect(raw(lunen1, 'SELECT office, case_manager_id FROM kim_case WHERE id = ?', caseId)).toEqual([{ office: 'werne', case_manager_id: 'office:werne' }]);
    expect(errorOf(await lunen1.core.dispatch('notes.add', { caseId, occurredOn: '2026-12-01', kind: 'phone', text: 'Nachtrag' })).code).toBe('permission.denied');
    expect(errorOf(await lunen1.core.dispatch('handovers.send', { ...send, consentId: full.id })).code).toBe('permission.denied');
    expect(count(lunen1, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'handovers.send' AND outcome = 'ok' AND entity_id = ?`, clientId)).toBe(1);

    // Lünen's first round sends the file; its copy stays whole until that has happened for every workstation, and
    // goes with the next round, even though Werne has read nothing yet.
    await syncAll(lunen1);
    expect(count(lunen1, 'SELECT COUNT(*) AS n FROM note')).toBe(2);
    await syncAll(lunen1);
    expect(count(lunen1, 'SELECT COUNT(*) AS n FROM client WHERE id = ?', clientId)).toBe(0);
    // A consent change makes Lünen look for document copies nobody may fetch: the one for Werne stays all the same.
    const other = await call(lunen1.core, 'clients.create', { familyName: 'Nachbar', givenNames: 'Nina', birthDate: '1985' });
    await call(lunen1.core, 'consents.add', consent(other.id, ['selm'], ['master']));
    await syncAll(lunen1, werne);
    const docOnWerne = (await call(werne.core, 'clients.get', { id: clientId })).documents.find((d) => d.fileName === 'Mietvertrag.pdf');
    expect(docOnWerne, 'the document arrived from the first file Werne read').toBeDefined();
    await syncAll(lunen2, werne, selm, lunen1, lunen2, lunen1, lunen2);

    // Werne keeps the whole file: notes (the internal one too), the health goal, the document, the follow-up.
    const onWerne = await call(werne.core, 'clients.get', { id: clientId });
    expect(onWerne).toMatchObject({ office: 'werne', phone: '02306 555 0101', access: { owner: true, canWrite: true } });
    expect(onWerne.household!.map((h) => h.name)).toEqual(['Sami Haddad']);
    const caseOnWerne = await call(werne.core, 'cases.get', { id: caseId });
    expect(caseOnWerne.notes!.map((n) => n.text).sort()).toEqual(['Erstgespräch: Umzug nach Werne geplant.', 'Intern: Wohnung in Werne zugesagt.']);
    expect(caseOnWerne.goals.map((g) => g.title)).toEqual(['Therapieplatz finden']);
    expect(caseOnWerne.followUps!.map((f) => f.title)).toEqual(['Anmeldung Werne prüfen']);
    const doc = caseOnWerne.documents!.find((d) => d.fileName === 'Mietvertrag.pdf')!;
    expect(Buffer.from((await call(werne.core, 'documents.content', { id: doc.id })).contentBase64, 'base64').toString()).toContain('Mietvertrag Werne');
    expect(count(werne, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'sync.handoverReceived' AND entity_id = ?`, clientId)).toBe(1);

    // It waits for a case manager of Werne, who takes it over.
    const incoming = await call(werne.core, 'handovers.incoming');
    expect(incoming.map((h) => [h.clientName, h.fromOffice, h.acceptedAt])).toEqual([['Haddad, Amal', 'lunen', null]]);
    const [manager] = await call(werne.core, 'accounts.caseManagers');
    const accepted = await call(werne.core, 'handovers.accept', { id: incoming[0]!.id, caseManagerId: manager!.id });
    expect(accepted.acceptedByName).toBe(STAFF.fm.displayName);
    expect(errorOf(await werne.core.dispatch('handovers.accept', { id: incoming[0]!.id, caseManagerId: manager!.id })).code).toBe('handover.notPending');
    expect(await call(werne.core, 'handovers.incoming')).toEqual([]);
    const taken = await call(werne.core, 'cases.get', { id: caseId });
    expect(taken.caseManagerId).toBe(manager!.id);
    expect(taken.followUps!.map((f) => f.assigneeId)).toEqual([manager!.id]);
    // The client list filters by the current case's manager: the new one.
    expect((await call(werne.core, 'clients.list', { limit: 10, caseManagerId: manager!.id })).rows.map((r) => r.id)).toEqual([clientId]);

    // Lünen's workstations removed their copies (no consent names Lünen) and kept only the record of the hand-over.
    for (const w of [lunen1, lunen2]) {
      expect(count(w, 'SELECT COUNT(*) AS n FROM client WHERE id = ?', clientId), w.name).toBe(0);
      expect(count(w, 'SELECT COUNT(*) AS n FROM note'), w.name).toBe(0);
      expect(count(w, 'SELECT COUNT(*) AS n FROM document'), w.name).toBe(0);
      expect(count(w, 'SELECT COUNT(*) AS n FROM file_handover WHERE client_id = ?', clientId), w.name).toBe(1);
      expect(count(w, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'sync.purge' AND entity_id = ?`, clientId), w.name).toBe(1);
    }

    // Werne works on the file; Selm's copy (master data by consent) follows its new keeper, Lünen stays empty.
    await call(werne.core, 'clients.update', { ...editableFields(await call(werne.core, 'clients.get', { id: clientId })), phone: '02389 777 0202', city: 'Werne' });
    await call(werne.core, 'notes.add', { caseId, occurredOn: '2026-12-01', kind: 'in-person', text: 'Erstgespräch in Werne.' });
    await syncAll(werne, selm, lunen1, lunen2, werne);
    expect(await call(selm.core, 'clients.get', { id: clientId })).toMatchObject({ office: 'werne', phone: '02389 777 0202', city: 'Werne' });
    expect(count(selm, 'SELECT COUNT(*) AS n FROM note')).toBe(0);
    for (const w of [lunen1, lunen2]) expect(count(w, 'SELECT COUNT(*) AS n FROM client WHERE id = ?', clientId), w.name).toBe(0);
    expect((await call(werne.core, 'cases.get', { id: caseId })).notes).toHaveLength(3);
  });

  it("a colleague's write made before the hand-over reached it goes to the new office, and never brings the file back to the old one", async () => {
    tmp = tempDir('kim-akte-handover-late-');
    const { lunen1, lunen2, werne } = await lunenTwiceAndWerne(tmp.dir);
    const { clientId, caseId } = await lunenFile(lunen1);
    await call(lunen1.core, 'consents.add', consent(clientId, ['werne'], DATA_CATEGORIES));
    await syncAll(lunen1, lunen2);

    // Lünen 2 writes a note while Lünen 1 hands the file over and, after two rounds, removes its copy.
    await call(lunen2.core, 'notes.add', { caseId, occurredOn: '2026-11-30', kind: 'phone', text: 'Noch in Lünen: Termin abgesagt.' });
    const prep = await call(lunen1.core, 'handovers.prepare', { clientId });
    const consentId = prep.offices.find((o) => o.office === 'werne')!.consents[0]!.id;
    await call(lunen1.core, 'handovers.send', { clientId, toOffice: 'werne', consentId, reason: 'moved', passphrase: STAFF.fm.passphrase });
    await syncAll(lunen1, werne, lunen1);
    expect(count(lunen1, 'SELECT COUNT(*) AS n FROM client')).toBe(0);

    // Lünen 2 then learns of the hand-over, sends its note (and the file) to Werne and removes its copy too.
    await syncAll(lunen2, werne, lunen1, lunen2, lunen1);
    const notes = (await call(werne.core, 'cases.get', { id: caseId })).notes!.map((n) => n.text);
    expect(notes).toContain('Noch in Lünen: Termin abgesagt.');
    for (const w of [lunen1, lunen2]) {
      expect(count(w, 'SELECT COUNT(*) AS n FROM client'), w.name).toBe(0);
      expect(count(w, 'SELECT COUNT(*) AS n FROM note'), w.name).toBe(0);
      expect(count(w, 'SELECT COUNT(*) AS n FROM sync_parked'), w.name).toBe(0);
    }
  });
});
