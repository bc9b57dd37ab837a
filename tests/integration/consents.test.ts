import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { CASE_MANAGER, caseWorkerVault, clientInput } from '../helpers/case-worker';
import { call, tempDir } from '../helpers/temp-vault';

const TODAY = berlinDate(new Date());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

describe('consents (Einwilligung / Schweigepflichtentbindung)', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId: string;
  let otherClientId: string;
  let formId: string;

  const base = () => ({
    clientId,
    parties: ['abh-lunen'],
    categories: ['residence'],
    purpose: 'Verlängerung des Aufenthaltstitels',
    validFrom: TODAY,
    form: 'oral',
    oralRecord: 'Mündlich im Büro, Dolmetscherin Frau Haddad',
  });
  const issues = async (input: unknown) => {
    const r = await core.dispatch('consents.add', input);
    if (r.ok || r.error.code !== 'validation.invalid') return r.ok ? 'ok' : r.error.code;
    return (r.error.params.issues as { path: string; code: string }[]).map((i) => i.path);
  };

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir));
    clientId = (await call(core, 'clients.create', clientInput('Sahin', 'Elif'))).id;
    otherClientId = (await call(core, 'clients.create', clientInput('Nguyen', 'Van An'))).id;
    formId = (await call(core, 'documents.upload', { clientId, fileName: 'einwilligung.pdf', mimeType: 'application/pdf', category: 'consent', contentBase64: PDF })).id;
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('refuses incomplete consents with field-level reasons and stores nothing', async () => {
    expect(await issues({ ...base(), parties: [], agencies: [] })).toEqual(['parties']);
    expect(await issues({ ...base(), categories: [] })).toEqual(['categories']);
    expect(await issues({ ...base(), purpose: ' x ' })).toEqual(['purpose']);
    expect(await issues({ ...base(), validUntil: addDays(TODAY, -1) })).toEqual(['validUntil']);
    expect(await issues({ ...base(), form: 'written', oralRecord: null })).toEqual(['documentId']);
    expect(await issues({ ...base(), oralRecord: '' })).toEqual(['oralRecord']);
    expect(await issues({ ...base(), parties: ['jobcenter'] })).toEqual(['parties.0']);
    expect(await issues({ ...base(), categories: ['everything'] })).toEqual(['categories.0']);
    // The signed form must be this client's, and a consent form.
    const foreignForm = (await call(core, 'documents.upload', { clientId: otherClientId, fileName: 'x.pdf', mimeType: 'application/pdf', category: 'consent', contentBase64: PDF })).id;
    expect(await issues({ ...base(), form: 'written', documentId: foreignForm })).toBe('record.notFound');
    const idCard = (await call(core, 'documents.upload', { clientId, fileName: 'pass.pdf', mimeType: 'application/pdf', category: 'identity', contentBase64: PDF })).id;
    expect(await issues({ ...base(), form: 'written', documentId: idCard })).toEqual(['documentId']);
    expect((await call(core, 'clients.get', { id: clientId })).consents).toEqual([]);
  });

  it('records written and oral consents with their status, and flags those ending soon', async () => {
    const written = await call(core, 'consents.add', { ...base(), form: 'written', documentId: formId, oralRecord: 'ignored', validUntil: addDays(TODAY, 10) });
    expect(written.consents[0]).toMatchObject({
      parties: ['abh-lunen'],
      categories: ['residence'],
      form: 'written',
      documentId: formId,
      oralRecord: null,
      status: 'active',
      expiringSoon: true,
      recordedByName: CASE_MANAGER.displayName,
      revocation: null,
    });
    const later = await call(core, 'consents.add', { ...base(), agencies: ['Jobcenter Kreis Unna'], validFrom: addDays(TODAY, 3) });
    expect(later.consents.find((c) => c.validFrom > TODAY)).toMatchObject({ status: 'pending', agencies: ['Jobcenter Kreis Unna'], expiringSoon: false });
    const old = await call(core, 'consents.add', { ...base(), validFrom: addDays(TODAY, -90), validUntil: addDays(TODAY, -1) });
    expect(old.consents.find((c) => c.validUntil === addDays(TODAY, -1))?.status).toBe('expired');
  });

  it('keeps the signed form while its consent is on record', async () => {
    expect(await core.dispatch('documents.delete', { id: formId, passphrase: CASE_MANAGER.passphrase })).toMatchObject({ ok: false, error: { code: 'document.inUse' } });
    expect((await call(core, 'clients.get', { id: clientId })).documents.some((d) => d.id === formId)).toBe(true);
  });

  it('revokes with date and form, not in the future, not twice, and not over a newer version', async () => {
    const consent = (await call(core, 'clients.get', { id: clientId })).consents.find((c) => c.status === 'active')!;
    const revoke = { id: consent.id, version: consent.version, revokedOn: TODAY, form: 'oral', note: 'Anruf der Klientin' };
    expect(await core.dispatch('consents.revoke', { ...revoke, revokedOn: addDays(TODAY, 1) })).toMatchObject({ error: { code: 'validation.invalid' } });
    expect(await core.dispatch('consents.revoke', { ...revoke, version: consent.version + 5 })).toMatchObject({ error: { code: 'record.staleVersion' } });
    const after = await call(core, 'consents.revoke', revoke);
    expect(after.consents.find((c) => c.id === consent.id)).toMatchObject({
      status: 'revoked',
      expiringSoon: false,
      revocation: { on: TODAY, form: 'oral', note: 'Anruf der Klientin', byName: CASE_MANAGER.displayName },
    });
    expect(await core.dispatch('consents.revoke', { ...revoke, version: consent.version + 1 })).toMatchObject({ error: { code: 'consent.alreadyRevoked' } });
  });

  it('audits every consent change under the person', async () => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'admin', passphrase: 'Lippe-Ufer 1907 sieht Raben!' });
    const trail = await call(core, 'audit.list', { entityId: clientId, action: 'consents.add' });
    expect(trail.rows.length).toBe(3);
    expect(trail.rows[0]!.fields).toEqual(expect.arrayContaining(['consent', 'category:residence']));
    expect((await call(core, 'audit.list', { entityId: clientId, action: 'consents.revoke' })).total).toBe(1);
  });
});
