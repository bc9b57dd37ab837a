import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { CLOSURE_REASONS, GENDERS, GOAL_STATUSES, LIFE_AREAS, RECHTSKREISE } from '../../electron/core/contract/case-domain';
import { ROLES, type Role } from '../../electron/core/contract/offices';
import { PARTNER_KINDS } from '../../electron/core/contract/partner-domain';
import { STATISTICS_ROLES, STATISTICS_TABLES } from '../../electron/core/contract/statistics-domain';
import type { StatisticsCell, StatisticsReport } from '../../electron/core/contract/types/statistics-types';
import { countStatistics, type StatisticsCounts } from '../../electron/core/domain/statistics/statistics-counts';
import { statisticsDefinitions } from '../../electron/core/domain/statistics/statistics-definitions';
import { runDemoData, type DemoDataRun } from '../demo-data/demo-data-command';
import { startChromiumPdf, type ChromiumPdf } from '../helpers/chromium-pdf';
import { kimAkte } from '../helpers/cli';
import { enrolAccount } from '../helpers/enrol';
import { pdfInfo, pdfText } from '../helpers/pdf-text';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, tempDir } from '../helpers/temp-vault';

/**
 * KIM statistics on a generated demo vault (Lünen, 400 clients): every figure equals a count made here from the raw
 * rows in plain JavaScript (a different way than the core's SQL), copies of another office's files never count,
 * suppression holds in the published figures, and the exports (CSV, XLSX, PDF) and the CLI say the same.
 */

const NOW = new Date('2026-03-11T09:30:00Z');
const TODAY = '2026-03-11';
const quiet = { out: () => undefined, progress: () => undefined };
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const MONTH = { from: '2026-02-01', to: '2026-02-28' };

const PEOPLE: Record<string, { login: string; displayName: string; role: Role; passphrase: string }> = {
  koordination: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  verwaltung: { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung', passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' },
  abh: { login: 'abh.kaya', displayName: 'Selin Kaya', role: 'abh', passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' },
};
const LOGIN_BY_ROLE: Record<Role, { login: string; passphrase: string }> = {
  'it-admin': { login: 'admin', passphrase: ADMIN_PASSPHRASE },
  fallmanagement: { login: 'fm.1', passphrase: ADMIN_PASSPHRASE },
  datenschutz: { login: 'datenschutz', passphrase: ADMIN_PASSPHRASE },
  koordination: PEOPLE.koordination!,
  verwaltung: PEOPLE.verwaltung!,
  abh: PEOPLE.abh!,
};

type Row = Record<string, unknown>;

let run: DemoDataRun;
let core: CoreDispatcher;
let chromium: ChromiumPdf | null = null;
const tmp = tempDir();

async function signIn(role: Role): Promise<void> {
  await call(core, 'session.lock');
  const { login, passphrase } = LOGIN_BY_ROLE[role];
  await call(core, 'session.unlock', { login, passphrase });
}

/** The counts of the period, made from raw rows in JavaScript (independent of the core's SQL). */
function expectedCounts(db: ReturnType<typeof openRawVault>, from: string, to: string, office = 'lunen'): Map<string, number> {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const defs = statisticsDefinitions();
  const clients = new Map(all('SELECT * FROM client').map((c) => [c.id as string, c]));
  const own = (clientId: unknown) => clients.get(clientId as string)?.office === office;
  const cases = all('SELECT * FROM kim_case').filter((k) => own(k.client_id));
  const caseById = new Map(cases.map((k) => [k.id as string, k]));
  const inPeriod = (d: unknown) => typeof d === 'string' && d >= from && d <= to;
  const isActive = (k: Row) => (k.opened_on as string) <= to && (k.closed_on === null || (k.closed_on as string) >= from);
  const out = new Map<string, number>();
  const add = (key: string, n = 1) => out.set(key, (out.get(key) ?? 0) + n);

  add('cases.new.count', cases.filter((k) => inPeriod(k.opened_on)).length);
  add('cases.active.count', cases.filter(isActive).length);
  add('cases.closed.count', cases.filter((k) => inPeriod(k.closed_on)).length);

  const activeClients = new Set(cases.filter(isActive).map((k) => k.client_id as string));
  const statuses = all('SELECT * FROM residence_status');
  for (const id of activeClients) {
    const c = clients.get(id)!;
    // Age with Date arithmetic: the birthday of the year `to` falls in, unknown parts as 1 January / the 1st.
    let band = 'unknown';
    if (typeof c.birth_date === 'string') {
      const [y, m, d] = c.birth_date.split('-').map(Number) as [number, number?, number?];
      const end = new Date(`${to}T12:00:00Z`);
      const birthday = new Date(Date.UTC(end.getUTCFullYear(), (m ?? 1) - 1, d ?? 1, 12));
      const age = end.getUTCFullYear() - y - (birthday > end ? 1 : 0);
      band = age < 18 ? 'under-18' : age <= 26 ? '18-26' : age <= 44 ? '27-44' : age <= 64 ? '45-64' : '65-plus';
    }
    add(`clientsByAge.${band}.count`);
    add(`clientsByGender.${c.gender as string}.count`);
    const nat = JSON.parse(c.nationalities as string) as string[];
    const group = nat.includes('DE') ? 'de' : nat.length === 0 ? 'unknown' : (defs.groupings.nationalityGroups.find((g) => g.codes.includes(nat[0]!))?.key ?? 'other');
    add(`clientsByNationality.${group}.count`);
    const valid = statuses
      .filter((s) => s.client_id === id && (s.valid_from === null || (s.valid_from as string) <= to))
      .sort((a, b) => String(b.valid_from ?? '').localeCompare(String(a.valid_from ?? '')) || String(b.created_at).localeCompare(String(a.created_at)) || String(b.id).localeCompare(String(a.id)));
    const type = valid[0]?.type as string | undefined;
    add(`clientsByResidence.${type ? defs.groupings.residenceCategories.find((r) => (r.types as string[]).includes(type))!.key : 'none'}.count`);
  }

  for (const k of cases.filter(isActive)) {
    const rk = [...new Set((JSON.parse(k.rechtskreise as string) as string[]).filter((r) => (RECHTSKREISE as readonly string[]).includes(r)))];
    if (!rk.length) add('casesByRechtskreis.none.count');
    for (const r of rk) add(`casesByRechtskreis.${r}.count`);
  }
  for (const a of all('SELECT * FROM assessment')) {
    const k = caseById.get(a.case_id as string);
    if (k && isActive(k) && a.need !== 'none') add(`needsByLifeArea.${a.area as string}.${a.need as string}`);
  }
  const partners = new Map(all('SELECT id, kind FROM partner').map((p) => [p.id as string, p.kind as string]));
  for (const r of all('SELECT * FROM referral')) {
    if (!caseById.has(r.case_id as string) || r.deleted_at !== null || r.state === 'draft' || !inPeriod(r.sent_on)) continue;
    const outcome = { sent: 'awaiting', accepted: 'accepted', declined: 'declined', done: r.result === 'successful' ? 'successful' : 'unsuccessful' }[r.state as string]!;
    add(`referralsByPartnerKind.${partners.get(r.partner_id as string) ?? 'other'}.${outcome}`);
  }
  add('conferences.held.count', all('SELECT * FROM case_conference').filter((c) => caseById.has(c.case_id as string) && inPeriod(c.held_on)).length);
  const closed = cases.filter((k) => inPeriod(k.closed_on));
  for (const k of closed) add(`closureReasons.${(k.closure_reason as string | null) ?? 'other'}.count`);
  const closedIds = new Set(closed.map((k) => k.id as string));
  for (const g of all('SELECT * FROM goal')) if (closedIds.has(g.case_id as string)) add(`goalOutcomes.${g.area as string}.${g.status as string}`);
  const reference = to < TODAY ? to : TODAY;
  // The end of the reference day in Berlin (winter: 23:00 UTC), compared as instants.
  const dayEnd = Date.parse(`${reference}T00:00:00+01:00`) + 86_400_000 - (reference >= '2025-03-30' && reference < '2025-10-26' ? 3_600_000 : 0);
  add(
    'overdueFollowUps.overdue.count',
    all('SELECT * FROM follow_up').filter(
      (f) => caseById.has(f.case_id as string) && (f.due_date as string) < reference && Date.parse(f.created_at as string) < dayEnd && (f.done_at === null || Date.parse(f.done_at as string) >= dayEnd),
    ).length,
  );
  for (const k of closed) add(`duration.${Math.round((Date.parse(k.closed_on as string) - Date.parse(k.opened_on as string)) / 86_400_000)}`);
  return out;
}

/** The core's counts as the same flat map (zeros left out, like the expected map leaves them out). */
function flatCounts(c: StatisticsCounts): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of c.tables) t.rows.forEach((r, i) => t.columns.forEach((col, j) => t.cells[i]![j]! > 0 && out.set(`${t.id}.${r}.${col}`, t.cells[i]![j]!)));
  for (const [d, n] of Object.entries(c.durationDays)) out.set(`duration.${d}`, n);
  return out;
}

const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v > 0));

async function coreCounts(from: string, to: string): Promise<StatisticsCounts> {
  const vault = await openWithRecoveryKey({ dataDir: run.dataDir }, run.recoveryKey!);
  try {
    return await countStatistics(vault.dataSource.manager, { office: 'lunen', from, to, today: TODAY });
  } finally {
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}

/** A published cell agrees with its true count: shown exactly, '<5' for 0..4 (every 1..4 is one), 'x' for at least 5. */
function agrees(cell: StatisticsCell, n: number): boolean {
  if (n >= 1 && n <= 4) return cell === '<5';
  return cell === '<5' ? n === 0 : cell === 'x' ? n >= 5 : cell === n;
}

beforeAll(async () => {
  run = await runDemoData({ dataDir: tmp.dir, office: 'lunen', clients: '400', notesPerClient: '2', seed: '12' }, ADMIN_PASSPHRASE, quiet, NOW);
  // A copy of a Werne file in the Lünen vault (as sync brings consented copies): it must never count.
  const db = openRawVault(run.dataDir, run.recoveryKey!);
  try {
    const manager = (db.prepare(`SELECT id FROM account WHERE role = 'fallmanagement' LIMIT 1`).get() as { id: string }).id;
    db.prepare(
      `INSERT INTO client (id, office, family_name, given_names, alternative_names, gender, nationalities, languages, sort_name, created_at, updated_at, version)
       VALUES ('00000000-0000-4000-8000-00000000aaaa', 'werne', 'Kopie', 'Werne', '[]', 'female', '["SY"]', '[]', 'kopie werne', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO kim_case (id, client_id, office, case_manager_id, phase, rechtskreise, opened_on, updated_at, version)
       VALUES ('00000000-0000-4000-8000-00000000bbbb', '00000000-0000-4000-8000-00000000aaaa', 'werne', ?, 'assessment', '["sgb2"]', '2025-02-01', '2025-02-01T00:00:00Z', 1)`,
    ).run(manager);
    db.prepare(
      `INSERT INTO follow_up (id, case_id, client_id, title, due_date, assignee_id, created_at)
       VALUES ('00000000-0000-4000-8000-00000000cccc', '00000000-0000-4000-8000-00000000bbbb', '00000000-0000-4000-8000-00000000aaaa', 'Kopie', '2025-03-01', ?, '2025-02-01T00:00:00Z')`,
    ).run(manager);
  } finally {
    db.close();
  }
  core = openCore({ dataDir: run.dataDir, now: () => NOW });
  await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
  const admin = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
  const approver = { login: 'datenschutz', passphrase: ADMIN_PASSPHRASE };
  for (const p of Object.values(PEOPLE)) await enrolAccount(core, admin, p.role === 'abh' ? p : { ...p }, approver);
}, 300_000);

afterAll(async () => {
  await chromium?.close();
  await core?.close();
  tmp.cleanup();
});

describe('KIM statistics on a demo vault', () => {
  it('counts every figure as an independent count of the raw rows does, for a year and for a month', async () => {
    const db = openRawVault(run.dataDir, run.recoveryKey!);
    try {
      for (const period of [YEAR, MONTH]) {
        const expected = nonZero(expectedCounts(db, period.from, period.to));
        const counted = await coreCounts(period.from, period.to);
        expect(counted.tables.map((t) => t.id)).toEqual([...STATISTICS_TABLES]);
        expect(flatCounts(counted)).toEqual(expected);
        // The demo data reach most tables in a year: the comparison is not trivially between empty maps.
        if (period === YEAR) expect(new Set([...expected.keys()].map((k) => k.split('.')[0])).size).toBeGreaterThanOrEqual(12);
      }
      // Copies of Werne files are in the vault (the demo's consented copies and ours), and would have counted.
      expect(expectedCounts(db, YEAR.from, YEAR.to, 'werne').get('cases.active.count')).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
  });

  it('publishes through the API exactly the counted figures, suppressed, labelled from the definitions file', async () => {
    await signIn('koordination');
    const db = openRawVault(run.dataDir, run.recoveryKey!);
    try {
      for (const period of [YEAR, MONTH]) {
        const report = await call(core, 'statistics.compute', period);
        const expected = expectedCounts(db, period.from, period.to);
        const defs = statisticsDefinitions();
        let primary = 0;
        let secondary = 0;
        for (const t of report.tables) {
          expect(t.title).toBe(defs.tables[t.id].title);
          t.rows.forEach((r, i) =>
            t.columns.forEach((c, j) => {
              const cell = t.cells[i]![j]!;
              primary += cell === '<5' ? 1 : 0;
              secondary += cell === 'x' ? 1 : 0;
              expect(agrees(cell, expected.get(`${t.id}.${r.key}.${c.key}`) ?? 0), `${t.id}.${r.key}.${c.key} (${period.from})`).toBe(true);
            }),
          );
          const rowSum = (i: number) => t.columns.reduce((s, c) => s + (expected.get(`${t.id}.${t.rows[i]!.key}.${c.key}`) ?? 0), 0);
          const colSum = (j: number) => t.rows.reduce((s, r) => s + (expected.get(`${t.id}.${r.key}.${t.columns[j]!.key}`) ?? 0), 0);
          t.rowTotals?.forEach((cell, i) => expect(agrees(cell, rowSum(i)), `${t.id} row total ${i}`).toBe(true));
          t.columnTotals?.forEach((cell, j) => expect(agrees(cell, colSum(j)), `${t.id} column total ${j}`).toBe(true));
          if (t.total !== null) expect(agrees(t.total, t.rows.reduce((s, _, i) => s + rowSum(i), 0))).toBe(true);
        }
        expect(primary, 'small cells occur and are suppressed').toBeGreaterThan(0);
        if (period === YEAR) expect(secondary, 'secondary suppression occurs').toBeGreaterThan(0);
        const closed = [...expected].filter(([k]) => k.startsWith('duration.')).flatMap(([k, n]) => Array.from({ length: n }, () => Number(k.split('.')[1])));
        expect(agrees(report.duration.cases, closed.length)).toBe(true);
        if (closed.length >= 10) {
          // The median by its textbook definition, on the independent durations.
          const s = closed.sort((a, b) => a - b);
          const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
          expect(report.duration.median).toBe(Math.round(median * 10) / 10);
          expect(report.duration.lowerQuartile!).toBeLessThanOrEqual(report.duration.median!);
          expect(report.duration.upperQuartile!).toBeGreaterThanOrEqual(report.duration.median!);
        } else {
          expect(report.duration.median).toBeNull();
        }
      }
    } finally {
      db.close();
    }
  });

  it('answers only aggregates: no name, id or free text of any file', async () => {
    await signIn('koordination');
    const report = await call(core, 'statistics.compute', YEAR);
    const db = openRawVault(run.dataDir, run.recoveryKey!);
    const json = JSON.stringify(report);
    const definitionsText = JSON.stringify(statisticsDefinitions());
    try {
      const names = db.prepare('SELECT family_name, given_names, id FROM client').all() as { family_name: string; given_names: string; id: string }[];
      for (const n of names) {
        // A name that is also a word of the definitions (a town, say) proves nothing either way.
        for (const part of [n.family_name, n.id]) if (part.length >= 5 && !definitionsText.includes(part)) expect(json.includes(part), part).toBe(false);
      }
      const caseIds = db.prepare('SELECT id FROM kim_case').all() as { id: string }[];
      for (const c of caseIds) expect(json.includes(c.id)).toBe(false);
    } finally {
      db.close();
    }
    // Every string of the answer is a code, a date, a suppression sign or text of the definitions file.
    const definitions = JSON.stringify(statisticsDefinitions());
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(report);
    const foreign = strings.filter((s) => !/^(<5|x|[a-z0-9-]+|\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?)$/i.test(s) && !definitions.includes(JSON.stringify(s).slice(1, -1)));
    expect(foreign).toEqual([]);
    expect(Object.keys(report).sort()).toEqual(['computedAt', 'definitionsVersion', 'duration', 'from', 'notes', 'office', 'tables', 'threshold', 'to']);
  });

  it('lets exactly the roles of the statistics table compute and export, and audits each call', async () => {
    for (const role of ROLES) {
      await signIn(role);
      for (const [method, permission] of [
        ['statistics.compute', 'view'],
        ['statistics.exportCsv', 'export'],
        ['statistics.exportXlsx', 'export'],
        ['statistics.print', 'export'],
      ] as const) {
        const r = await core.dispatch(method, MONTH);
        const allowed = (STATISTICS_ROLES[permission] as readonly Role[]).includes(role);
        expect(r.ok ? 'ok' : r.error.code, `${role} ${method}`).toBe(allowed ? 'ok' : 'permission.denied');
      }
    }
    await signIn('koordination');
    expect(await core.dispatch('statistics.compute', { ...MONTH, office: 'werne' })).toEqual({ ok: false, error: { code: 'statistics.officeNotKept', params: { office: 'werne' } } });
    expect(await core.dispatch('statistics.compute', { from: '2026-02-28', to: '2026-02-01' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await core.dispatch('statistics.compute', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await core.dispatch('statistics.compute', { from: '2010-01-01', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    await signIn('datenschutz');
    const trail = await call(core, 'audit.list', { action: 'statistics.exportCsv', limit: 500 });
    const ko = trail.rows.filter((r) => r.outcome === 'ok');
    expect(ko.length).toBeGreaterThanOrEqual(2);
    expect(ko[0]).toMatchObject({ entity: 'statistics-export', entityId: null });
    expect(ko[0]!.fields).toEqual(expect.arrayContaining(['office:lunen', `period:${MONTH.from}..${MONTH.to}`, 'format:csv']));
    const denied = trail.rows.filter((r) => r.outcome === 'denied');
    expect(denied.length).toBe(ROLES.filter((r) => !(STATISTICS_ROLES.export as readonly Role[]).includes(r)).length);
  });

  it('exports CSV for German Excel and an XLSX a reader opens with the same figures', async () => {
    await signIn('koordination');
    const report = await call(core, 'statistics.compute', YEAR);
    const csv = await call(core, 'statistics.exportCsv', YEAR);
    expect(csv.fileName).toBe('kim-statistik-lunen-2025-01-01-bis-2025-12-31.csv');
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
    const lines = text.split('\r\n');
    const byId = (id: string) => report.tables.find((t) => t.id === id)!;
    const gender = byId('clientsByGender');
    const at = lines.indexOf(gender.title);
    expect(at).toBeGreaterThan(0);
    for (const [i, r] of gender.rows.entries()) expect(lines).toContain(`${r.label};${String(gender.cells[i]![0])}`);
    expect(lines).toContain(`Summe;${String(gender.columnTotals![0])}`);
    const referrals = byId('referralsByPartnerKind');
    expect(lines).toContain(['Vermittlungen', ...referrals.columns.map((c) => c.label), 'zusammen'].join(';'));

    const xlsx = await call(core, 'statistics.exportXlsx', YEAR);
    expect(xlsx.fileName).toBe('kim-statistik-lunen-2025-01-01-bis-2025-12-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Statistik')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const title = rows.findIndex((r) => r[0] === gender.title);
    expect(title).toBeGreaterThan(0);
    for (const [i, r] of gender.rows.entries()) expect(rows[title + 3 + i]).toEqual([r.label, gender.cells[i]![0]]);
    // Counts are numbers in the sheet (offices add them up), suppressed cells text.
    const cells = rows.flat();
    expect(cells.some((v) => typeof v === 'number')).toBe(true);
    expect(cells.filter((v) => v === '<5').length).toBeGreaterThan(0);
    expect(cells.some((v) => typeof v === 'object' && v !== null)).toBe(false);
  });

  it('prints a tagged PDF report with every table', async () => {
    await signIn('koordination');
    const report = await call(core, 'statistics.compute', YEAR);
    const doc = await call(core, 'statistics.print', YEAR);
    expect(doc.fileName).toBe('kim-statistik-lunen-2025-01-01-bis-2025-12-31.pdf');
    expect(doc.html).not.toMatch(/<script/i);
    chromium = await startChromiumPdf();
    const pdf = await chromium.print(doc.html);
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('KIM-Statistik');
    expect(text).toContain('Zeitraum: 01.01.2025 bis 31.12.2025');
    for (const t of report.tables) expect(text).toContain(t.title);
    const cases = report.tables.find((t) => t.id === 'cases')!;
    expect(text).toContain(`aktiv ${String(cases.cells[1]![0]).replace('<5', '< 5')}`);
    expect(text).toContain('Falldauer');
  });

  it('gives the same figures through the CLI for the Kreis reporting scripts', async () => {
    await signIn('koordination');
    const report: StatisticsReport = await call(core, 'statistics.compute', YEAR);
    await core.close();
    try {
      const r = kimAkte(['stats', '--data-dir', run.dataDir, '--user', PEOPLE.koordination!.login, '--from', YEAR.from, '--to', YEAR.to, '--json'], PEOPLE.koordination!.passphrase);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as { office: string; tables: Record<string, { cells: Record<string, Record<string, StatisticsCell>>; total: StatisticsCell | null }> };
      expect(json.office).toBe('lunen');
      expect(Object.keys(json.tables)).toEqual([...STATISTICS_TABLES]);
      for (const t of report.tables) {
        t.rows.forEach((row, i) => t.columns.forEach((c, j) => expect(json.tables[t.id]!.cells[row.key]![c.key]).toEqual(t.cells[i]![j])));
        expect(json.tables[t.id]!.total).toEqual(t.total);
      }
      expect(r.stdout).toContain('"<5"');
      const denied = kimAkte(['stats', '--data-dir', run.dataDir, '--user', 'admin', '--from', YEAR.from, '--to', YEAR.to, '--json'], ADMIN_PASSPHRASE);
      expect(denied.code).toBe(1);
      expect(denied.stdout).toBe('');
      const bad = kimAkte(['stats', '--data-dir', run.dataDir, '--user', PEOPLE.koordination!.login, '--from', '2025-12-31', '--to', '2025-01-01', '--json'], PEOPLE.koordination!.passphrase);
      expect(bad.code).toBe(2);
    } finally {
      core = openCore({ dataDir: run.dataDir, now: () => NOW });
    }
  }, 120_000);
});

// Vocabulary sanity: the tables cover every code the file vocabularies know.
describe('statistics tables cover the vocabularies', () => {
  it('has a row or column for every gender, Rechtskreis, life area, partner kind, closure reason and goal status', async () => {
    const counts = await coreCounts(YEAR.from, YEAR.to);
    const t = (id: string) => counts.tables.find((x) => x.id === id)!;
    expect(t('clientsByGender').rows).toEqual([...GENDERS]);
    expect(t('casesByRechtskreis').rows).toEqual([...RECHTSKREISE, 'none']);
    expect(t('needsByLifeArea').rows).toEqual([...LIFE_AREAS]);
    expect(t('referralsByPartnerKind').rows).toEqual([...PARTNER_KINDS]);
    expect(t('closureReasons').rows).toEqual([...CLOSURE_REASONS]);
    expect(t('goalOutcomes').columns).toEqual([...GOAL_STATUSES]);
  });
});
