import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { jaroWinkler, nameSkeleton, nameTokens, soundForm } from '../../electron/core/domain/clients/name-normalisation';
import { variantsOf } from '../demo-data/generate/names-by-origin';
import { DEMO_PARTNER_COUNT } from '../demo-data/generate/partners';
import { CASE_PHASES } from '../../electron/core/contract/case-domain';
import { berlinDate } from '../../electron/core/contract/dates';
import { runDemoData, type DemoDataRun } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, tempDir } from '../helpers/temp-vault';
import { devCli, kimAkte } from '../helpers/cli';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { notePlace } from '../../electron/core/domain/cases/protected-fields';
import { DemoGenerator } from '../demo-data/generate/generator';

/** A fixed "today", so the generated data (overdue, expiring) is the same on every run. */
const NOW = new Date('2026-03-11T09:30:00Z');
const quiet = { out: () => undefined, progress: () => undefined };

function demo(dataDir: string, seed: number): Promise<DemoDataRun> {
  return runDemoData({ dataDir, office: 'lunen', clients: '300', notesPerClient: '8', seed: String(seed) }, ADMIN_PASSPHRASE, quiet, NOW);
}

/** Note rows with their text decrypted: stored, it is under the vault's own conversation-notes key (random IVs). */
async function plainNotes(run: DemoDataRun): Promise<unknown[]> {
  const vault = await openWithRecoveryKey({ dataDir: run.dataDir }, run.recoveryKey!);
  try {
    const rows = (await vault.dataSource.query('SELECT id, case_id, occurred_on, kind, text, internal FROM note ORDER BY id')) as { id: string; text: string }[];
    return rows.map(({ id, text, ...rest }) => ({ ...rest, text: vault.fields.decrypt('conversation-notes', text, notePlace(id, 'text')) }));
  } finally {
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}

/** Rows of the data tables that do not depend on account ids (those are random per vault). */
async function snapshot(run: DemoDataRun) {
  const notes = await plainNotes(run);
  const db = openRawVault(run.dataDir, run.recoveryKey!);
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      clients: all(`SELECT id, family_name, given_names, alternative_names, birth_date, birth_date_placeholder, arrival_date, street, phone,
                    current_status_type, current_status_until FROM client ORDER BY id`),
      keys: all('SELECT key, client_id FROM client_name_key ORDER BY key, client_id'),
      residence: all('SELECT client_id, type, legal_basis, valid_from, valid_until FROM residence_status ORDER BY id'),
      cases: all('SELECT id, client_id, phase, opened_on, closed_on, closure_reason FROM kim_case ORDER BY id'),
      notes,
      followUps: all('SELECT case_id, title, due_date, done_at FROM follow_up ORDER BY id'),
      consents: all('SELECT k.client_id, c.office, k.parties, k.categories, k.valid_from, k.valid_until FROM consent k JOIN client c ON c.id = k.client_id ORDER BY k.id'),
      grants: all('SELECT party, category, client_id FROM consent_grant ORDER BY consent_id, party, category'),
      partners: all('SELECT id, name, kind, city, languages, services, offices, archived_at FROM partner ORDER BY id'),
      contacts: all('SELECT partner_id, name, function, phone, email FROM partner_contact ORDER BY id'),
      findings: all('SELECT office, area, barrier, partner_id, partner_kind, description, observed_in FROM structural_finding ORDER BY id'),
      conferences: all('SELECT id, case_id, held_on, held_at, client_present, interpreter_language, next_on, next_follow_up_id FROM case_conference ORDER BY id'),
      conferenceParticipants: all('SELECT conference_id, kind, partner_id, role, position FROM case_conference_participant ORDER BY id'),
      conferenceActions: all('SELECT id, conference_id, who_kind, due_date, area, measure_id, follow_up_id FROM case_conference_action ORDER BY id'),
      // Accounts and IT's requests for them are real (enrolled through the API); demo rows are not.
      changes: all(`SELECT entity FROM change_entry WHERE entity NOT IN ('account', 'account-request')`),
      imports: all(`SELECT action FROM audit_entry WHERE action = 'demo.import'`),
      demoMark: all(`SELECT key FROM setting WHERE key = 'demo.vault'`),
    };
  } finally {
    db.close();
  }
}


describe('demo data', () => {
  const tmp = tempDir();
  let a: DemoDataRun;
  let snapA: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    a = await demo(join(tmp.dir, 'a'), 7);
    snapA = await snapshot(a);
  });
  afterAll(() => tmp.cleanup());

  it('is deterministic: the same seed gives the same people, cases and notes; another seed other people', async () => {
    expect(a.counts).toMatchObject({ clients: 300, notes: 2400 });
    expect(snapA.clients).toHaveLength(300);
    const b = await demo(join(tmp.dir, 'b'), 7);
    expect(b.counts).toEqual(a.counts);
    expect(await snapshot(b)).toEqual(snapA);

    const c = await snapshot(await demo(join(tmp.dir, 'c'), 8));
    const names = (s: typeof snapA) => s.clients.map((r) => JSON.stringify(r)).sort();
    expect(names(c)).not.toEqual(names(snapA));
    // Two more demo vaults, each enrolling its accounts as IT does (one-time passphrase, approval, first login).
  }, 300_000);

  it('writes no sync changes for demo rows and one audit entry for the import', () => {
    expect(snapA.changes).toEqual([]);
    expect(snapA.imports).toEqual([{ action: 'demo.import' }]);
  });

  it('marks a vault it creates as a demo vault, inside the encrypted database', () => {
    expect(snapA.demoMark).toEqual([{ key: 'demo.vault' }]);
  });

  describe('through the real dispatcher as a case manager', () => {
    let core: CoreDispatcher;
    beforeAll(async () => {
      core = openCore({ dataDir: a.dataDir, now: () => NOW });
      await call(core, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
    });
    afterAll(() => core.close());

    it('finds a generated client by another transliteration of the family name, and by birth date', async () => {
      const clients = snapA.clients as { id: string; family_name: string; given_names: string; birth_date: string | null }[];
      // A single-word family name with a spelling variant the search promises to tolerate (same skeleton, similar sound).
      const pick = clients
        .map((c) => ({ c, variant: variantsOf(c.family_name).find((v) => v !== c.family_name && isTolerated(v, c.family_name)) }))
        .find((x) => x.variant && nameTokens(x.c.family_name).length === 1);
      expect(pick).toBeDefined();
      const { c, variant } = pick!;
      const hits = await call(core, 'clients.search', { query: `${variant!} ${c.given_names.split(' ')[0]!}`, limit: 100 });
      expect(hits.map((h) => h.id)).toContain(c.id);

      const born = clients.find((x) => x.birth_date?.length === 10)!;
      const [y, m, d] = born.birth_date!.split('-');
      const byDate = await call(core, 'clients.search', { query: `${born.family_name} ${d}.${m}.${y}`, limit: 100 });
      expect(byDate.map((h) => h.id)).toContain(born.id);
    });

    it('comes with a partner directory of a Kreis network, searchable by offer, language and town, and structural findings', async () => {
      expect(a.counts).toMatchObject({ partners: DEMO_PARTNER_COUNT });
      expect(snapA.partners).toHaveLength(DEMO_PARTNER_COUNT);
      expect(a.counts.partnerContacts).toBe(snapA.contacts.length);
      // With a directory, a share of open cases has referrals to its partners.
      expect(a.counts.referrals).toBeGreaterThan(0);
      // "Wer bietet Integrationskurse mit Kinderbetreuung in Selm?" — typed without the umlauts of the towns too.
      const hits = await call(core, 'partners.search', { services: ['integration-course', 'childcare-during-course'], query: 'selm' });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.services).toEqual(expect.arrayContaining(['integration-course', 'childcare-during-course']));
        expect(h.city).toBe('Selm');
      }
      const lunen = await call(core, 'partners.search', { query: 'LUENEN', kind: 'jobcenter' });
      expect(lunen.map((p) => p.name)).toEqual(['Jobcenter Kreis Unna – Standort Lünen']);
      // Structural findings of the office, one per 40 clients, with partners of the directory where one fits.
      const findings = snapA.findings as { office: string; partner_id: string | null; description: string }[];
      expect(findings).toHaveLength(Math.ceil(300 / 40));
      expect(findings.every((f) => f.office === 'lunen' && !/\d/.test(f.description))).toBe(true);
      // Only test-reserved addresses and numbers: nothing in the demo reaches a real person.
      for (const c of snapA.contacts as { email: string | null }[]) if (c.email) expect(c.email).toMatch(/@example\.(org|com|net)$/);
    });

    it('shows overdue and due follow-ups and expiring residence statuses in the work overview', async () => {
      const overview = await call(core, 'work.overview');
      expect(overview.followUps.overdue.length).toBeGreaterThan(0);
      expect(overview.followUps.today.length + overview.followUps.thisWeek.length).toBeGreaterThan(0);
      expect(overview.expiringResidence.length).toBeGreaterThan(0);
      expect(overview.expiringResidence.some((r) => r.currentResidence.daysLeft! < 0)).toBe(true);
      for (const phase of CASE_PHASES.filter((p) => p !== 'closure')) expect(overview.casesPerPhase[phase], phase).toBeGreaterThan(0);
    });

    it('lists clients in every open phase, by office and with expiring status', async () => {
      for (const phase of CASE_PHASES.filter((p) => p !== 'closure')) {
        const page = await call(core, 'clients.list', { phase });
        expect(page.total, phase).toBeGreaterThan(0);
        expect(page.rows.every((r) => r.openCase?.phase === phase)).toBe(true);
      }
      // Files of other towns are seen only through a consent naming this office, like files arriving by sync.
      const werne = await call(core, 'clients.list', { office: 'werne', limit: 200 });
      const sharedWithLunen = new Set(
        (snapA.consents as { client_id: string; office: string; parties: string; valid_from: string; valid_until: string | null }[])
          .filter((k) => k.office === 'werne' && JSON.parse(k.parties).includes('lunen'))
          .filter((k) => (!k.valid_until || k.valid_until >= berlinDate(NOW)))
          .map((k) => k.client_id),
      );
      expect(werne.total).toBeGreaterThan(0);
      expect(new Set(werne.rows.map((r) => r.id))).toEqual(sharedWithLunen);
      expect((await call(core, 'clients.list', { expiringOnly: true, sort: 'statusExpiry' })).total).toBeGreaterThan(0);
      // Closed cases exist (with reasons), even though the list filter only looks at open cases.
      const closed = snapA.cases as { closed_on: string | null; closure_reason: string | null; phase: string }[];
      expect(closed.filter((k) => k.closed_on && k.closure_reason && k.phase === 'closure').length).toBeGreaterThan(0);
    });

    it('has conferences for a share of cases with staff and directory partners, whose actions are measures or Wiedervorlagen', async () => {
      const cases = snapA.cases as { id: string; closed_on: string | null }[];
      const conferences = snapA.conferences as { id: string; case_id: string; next_on: string | null; next_follow_up_id: string | null }[];
      const withConference = new Set(conferences.map((c) => c.case_id));
      expect(withConference.size).toBeGreaterThan(cases.length * 0.05);
      expect(withConference.size).toBeLessThan(cases.length * 0.5);
      // The demo directory's partners take part besides our staff.
      const participants = snapA.conferenceParticipants as { kind: string; partner_id: string | null }[];
      expect(new Set(participants.map((p) => p.kind))).toEqual(new Set(['staff', 'partner']));
      const directory = new Set((snapA.partners as { id: string }[]).map((p) => p.id));
      expect(participants.filter((p) => p.kind === 'partner').every((p) => directory.has(p.partner_id!))).toBe(true);
      const actions = snapA.conferenceActions as { id: string; measure_id: string | null; follow_up_id: string | null }[];
      expect(actions.some((a) => a.measure_id) && actions.some((a) => a.follow_up_id)).toBe(true);
      expect(actions.every((a) => (a.measure_id === null) !== (a.follow_up_id === null))).toBe(true);
      const followUps = new Set((snapA.followUps as { case_id: string }[]).map((f) => f.case_id));
      for (const c of conferences.filter((x) => x.next_on)) expect(followUps.has(c.case_id)).toBe(true);
      // The conference tab of a generated case loads, with its actions' done state from the measures and Wiedervorlagen.
      const open = conferences.find((c) => cases.find((k) => k.id === c.case_id && !k.closed_on))!;
      const listed = await call(core, 'conferences.list', { caseId: open.case_id });
      expect(listed.map((c) => c.id)).toContain(open.id);
      expect(listed.every((c) => c.actions!.length > 0 && c.participants!.length > 0)).toBe(true);
    });

    it('loads a generated client and its open and closed cases without errors', async () => {
      const cases = snapA.cases as { id: string; client_id: string; closed_on: string | null }[];
      const open = cases.find((k) => !k.closed_on)!;
      const client = await call(core, 'clients.get', { id: open.client_id });
      expect(client.openCase?.id).toBe(open.id);
      expect(client.residenceHistory!.length).toBeGreaterThan(0);
      const detail = await call(core, 'cases.get', { id: open.id });
      expect(detail.notes!.length).toBeGreaterThan(0);
      expect(detail.phaseHistory![0]!.phase).toBe('intake');
      const closed = await call(core, 'cases.get', { id: cases.find((k) => k.closed_on)!.id });
      expect(closed.closure).not.toBeNull();
      expect(closed.goals.every((g) => g.status !== 'open' && g.status !== 'in-progress')).toBe(true);
    });
  });

  it('invites partners of the directory to conferences once it has some, with the same people and cases', () => {
    const options = { seed: 7, notesPerClient: 4, office: 'lunen' as const, caseManagers: [{ id: 'a', displayName: 'A' }, { id: 'b', displayName: 'B' }], now: NOW, idSalt: 0 };
    const partners = [
      { id: 'p1', name: 'Jobcenter Kreis Unna' },
      { id: 'p2', name: 'Caritas Migrationsberatung' },
    ];
    const bare = new DemoGenerator(options);
    const withPartners = new DemoGenerator({ ...options, partners });
    const clients = Array.from({ length: 80 }, (_, i) => [bare.client(i), withPartners.client(i)] as const);
    const conferences = clients.flatMap(([, w]) => w.conferences);
    expect(conferences.some((c) => c.participants.some((p) => p.kind === 'partner'))).toBe(true);
    for (const c of conferences) {
      const invited = new Set(c.participants.map((p) => p.partnerId).filter(Boolean));
      for (const a of c.actions.filter((x) => x.whoKind === 'partner')) expect(invited.has(a.partnerId)).toBe(true);
    }
    // Ids run on (the partner rows take some); the people and their cases stay the same.
    const people = (c: (typeof clients)[number][number]) => [c.person.client.familyName, c.person.client.givenNames, c.person.client.birthDate, c.cases.map((k) => k.kase.phase)];
    expect(clients.map(([b]) => people(b))).toEqual(clients.map(([, w]) => people(w)));
  });

  describe('the demo-data command', () => {
    const dataDir = join(tmp.dir, 'cli');

    it('creates a vault with the demo accounts and prints the recovery key, logins and counts', () => {
      const r = devCli(['demo-data', '--data-dir', dataDir, '--clients', '25', '--notes-per-client', '3', '--seed', '4', '--office', 'werne'], ADMIN_PASSPHRASE);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Recovery key: [0-9A-F]{8}(-[0-9A-F]{8}){7}$/m);
      expect(r.stdout).toContain('admin (administrator), fm.1, fm.2, fm.3, fm.4 (Fallmanagement), datenschutz (Datenschutz: approves accounts)');
      expect(r.stdout).toMatch(/25 clients, .* 75 notes/s);
      expect(r.stdout).not.toContain(ADMIN_PASSPHRASE);
      expect(r.stderr).toMatch(/demo-data: 100% \(25 of 25 clients\)/);
    }, 180_000);

    it('adds to an existing vault as its administrator', () => {
      const r = devCli(['demo-data', '--data-dir', dataDir, '--user', 'admin', '--clients', '5', '--notes-per-client', '2'], ADMIN_PASSPHRASE);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('Recovery key');
      expect(r.stdout).toContain('5 clients');
    });

    it.each([
      [['--clients', '0'], ADMIN_PASSPHRASE, 2, /--clients must be a whole number from 1 to 200,000/],
      [['--clients', '200001'], ADMIN_PASSPHRASE, 2, /--clients must be a whole number/],
      [['--clients', 'viele'], ADMIN_PASSPHRASE, 2, /--clients must be a whole number/],
      [['--notes-per-client', '-1'], ADMIN_PASSPHRASE, 2, /--notes-per-client must be a whole number/],
      [['--seed', '1.5'], ADMIN_PASSPHRASE, 2, /--seed must be a whole number/],
      [[], ADMIN_PASSPHRASE, 2, /give --user LOGIN/],
      [['--user', 'fm.1'], ADMIN_PASSPHRASE, 1, /needs an administrator/],
      [['--user', 'admin'], 'falsche Passphrase', 3, /Wrong user name or passphrase/],
      [['--user', 'admin'], undefined, 2, /KIM_AKTE_PASSPHRASE/],
    ])('refuses %j with a clear line and the right exit code', (extra, passphrase, code, message) => {
      const r = devCli(['demo-data', '--data-dir', dataDir, '--clients', '3', ...extra], passphrase);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('refuses to add demo data to a vault that was not created as a demo vault, and changes nothing in it', () => {
      const real = join(tmp.dir, 'real');
      const init = kimAkte(['init', '--data-dir', real, '--office', 'lunen', '--admin-user', 'it.meier', '--admin-name', 'Jonas Meier'], ADMIN_PASSPHRASE);
      expect(init.code).toBe(0);
      const r = devCli(['demo-data', '--data-dir', real, '--user', 'it.meier', '--clients', '5'], ADMIN_PASSPHRASE);
      expect(r.code).toBe(8);
      expect(r.stderr).toBe(
        'Error: This vault was not created by demo-data, so no demo data is added to it: fictional people must never mix with real files. ' +
          'Give an empty --data-dir to create a new demo vault.\n',
      );
      expect(r.stdout).toBe('');
      // Refused before anything was written: no demo case managers, no clients, no import entry, no mark.
      const recoveryKey = /^Recovery key: (\S+)$/m.exec(init.stdout)![1]!;
      const db = openRawVault(real, recoveryKey);
      try {
        const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        expect(count('SELECT count(*) AS n FROM account')).toBe(1);
        expect(count('SELECT count(*) AS n FROM client')).toBe(0);
        expect(count(`SELECT count(*) AS n FROM audit_entry WHERE action = 'demo.import'`)).toBe(0);
        expect(count(`SELECT count(*) AS n FROM setting WHERE key = 'demo.vault'`)).toBe(0);
      } finally {
        db.close();
      }
      expect(kimAkte(['audit', 'verify', '--data-dir', real, '--user', 'it.meier'], ADMIN_PASSPHRASE).code).toBe(0);
    });

    it('the installed kim-akte bin has no demo-data command; npm run cli keeps the shipped commands', () => {
      const shipped = kimAkte(['demo-data', '--data-dir', join(tmp.dir, 'shipped'), '--clients', '3'], ADMIN_PASSPHRASE);
      expect(shipped.code).toBe(2);
      expect(shipped.stderr).toMatch(/unknown command 'demo-data'/);
      expect(existsSync(join(tmp.dir, 'shipped'))).toBe(false);
      expect(kimAkte(['--help']).stdout).not.toContain('demo-data');
      const dev = devCli(['--help']);
      expect(dev.stdout).toMatch(/demo-data/);
      for (const command of ['init', 'info', 'audit']) expect(dev.stdout).toContain(command);
      const info = devCli(['info', '--data-dir', dataDir, '--user', 'admin'], ADMIN_PASSPHRASE);
      expect(info.code).toBe(0);
      expect(JSON.parse(info.stdout)).toMatchObject({ office: 'werne' });
    });

    it('refuses a weak passphrase for a new vault and leaves nothing behind', () => {
      const r = devCli(['demo-data', '--data-dir', join(tmp.dir, 'weak'), '--clients', '3'], 'kurz');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/too weak/);
      expect(existsSync(join(tmp.dir, 'weak', 'vault.db'))).toBe(false);
      expect(existsSync(join(tmp.dir, 'weak', 'keyring.json'))).toBe(false);
    });
  });
});

/** What clients.search treats as the same name: same consonant skeleton and similar sound (see client-search.ts). */
function isTolerated(a: string, b: string): boolean {
  const [x, y] = [nameTokens(a)[0]!, nameTokens(b)[0]!];
  return nameTokens(a).length === 1 && nameSkeleton(x) === nameSkeleton(y) && jaroWinkler(soundForm(x), soundForm(y)) >= 0.8;
}
