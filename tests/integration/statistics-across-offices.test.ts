import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { STATISTICS_FILE_NAME, type StatisticsCell, type StatisticsReport } from '../../electron/core/contract/types/statistics-types';
import { sealAggregate } from '../../electron/core/domain/statistics/aggregate-record';
import { countStatistics, type StatisticsCounts } from '../../electron/core/domain/statistics/statistics-counts';
import { newDeviceKeys } from '../../electron/core/platform/sync/device-keys';
import { signRecord } from '../../electron/core/platform/sync/signed-record';
import { publicKeyOf } from '../../electron/core/platform/vault/sealed-box';
import { kimAkte } from '../helpers/cli';
import { enrolAccount } from '../helpers/enrol';
import { lunenTwiceAndWerne, signIn, STAFF, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call, openRawVault, tempDir } from '../helpers/temp-vault';

/**
 * Figures across offices on a real share (issue 12 item 2): Lünen and Werne publish their counts for a period,
 * signed and encrypted to Koordination's workstation (here: Lünen's second one); Koordination adds them up and
 * suppresses only the sum, so a cell below 5 in each office but not in the sum is shown. Republishing replaces the
 * earlier figures; altered, unsigned and foreign records are refused and logged, never shown; the records carry no
 * name, id or free text.
 */
const COORDINATION = { login: 'ko.kreis', displayName: 'Karin Kreis', role: 'koordination' as const, passphrase: 'Kreishaus Unna im Nebel 2026' };
const YEAR = new Date().getUTCFullYear();
const PERIOD = { from: `${YEAR - 1}-01-01`, to: `${YEAR + 1}-12-31` };
const LUNEN_PEOPLE = [
  ['Quastenhuber', 'Amal', '1990-04-12'],
  ['Zitronella', 'Badr', '1988-11-02'],
  ['Kornblumer', 'Chiara', '1989-06-30'],
] as const;
const WERNE_PEOPLE = [
  ['Wacholderich', 'Dunja', '1992-01-15'],
  ['Birkenfelder', 'Emre', '1985-08-08'],
  ['Schlehdorner', 'Fatma', '1991-03-21'],
] as const;

const tmp = tempDir();
let share: string;
let lunen1: Workstation;
let koordination: Workstation;
let werne: Workstation;
const ids: string[] = [];

async function seed(w: Workstation, people: readonly (readonly [string, string, string])[]): Promise<void> {
  for (const [familyName, givenNames, birthDate] of people) {
    const client = await call(w.core, 'clients.create', { familyName, givenNames, birthDate });
    const k = await call(w.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    ids.push(client.id, k.id);
  }
}

/** The office's own unsuppressed counts, read from its vault file with the recovery key. */
async function ownCounts(w: Workstation, office: 'lunen' | 'werne'): Promise<StatisticsCounts> {
  const vault = await openWithRecoveryKey({ dataDir: w.dir }, w.recoveryKey!);
  try {
    return await countStatistics(vault.dataSource.manager, { office, ...PERIOD, today: new Date().toISOString().slice(0, 10) });
  } finally {
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}

function setting(w: Workstation, key: string): string {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return (db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string }).value;
  } finally {
    db.close();
  }
}

/** The public box key of Koordination's workstation (as on its device card). */
const koBox = () => publicKeyOf(Buffer.from(setting(koordination, 'device.boxKey'), 'base64'));

const cellOf = (r: StatisticsReport, table: string, row: string, column = 'count'): StatisticsCell => {
  const t = r.tables.find((x) => x.id === table)!;
  return t.cells[t.rows.findIndex((x) => x.key === row)]![t.columns.findIndex((x) => x.key === column)]!;
};

/** A published cell agrees with its true count: exact, '<5' for 1..4 (and a hidden 0), 'x' only for at least 5. */
function agrees(cell: StatisticsCell, n: number): boolean {
  if (n >= 1 && n <= 4) return cell === '<5';
  return cell === '<5' ? n === 0 : cell === 'x' ? n >= 5 : cell === n;
}

function statisticsFiles(): string[] {
  const devices = join(share, 'kim-akte-sync', 'devices');
  return readdirSync(devices).flatMap((d) => {
    try {
      return readdirSync(join(devices, d, 'statistics'))
        .filter((f) => f.endsWith('.kimstat'))
        .map((f) => join(devices, d, 'statistics', f));
    } catch {
      return [];
    }
  });
}

describe('KIM statistics across offices', () => {
  beforeAll(async () => {
    ({ share, lunen1, lunen2: koordination, werne } = await lunenTwiceAndWerne(tmp.dir));
    await signIn(koordination, 'admin');
    await enrolAccount(koordination.core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, COORDINATION);
    await call(koordination.core, 'session.lock');
    await call(koordination.core, 'session.unlock', { login: COORDINATION.login, passphrase: COORDINATION.passphrase });
    await seed(lunen1, LUNEN_PEOPLE);
    await seed(werne, WERNE_PEOPLE);
  }, 240_000);

  afterAll(() => tmp.cleanup());

  it('refuses to publish while no Koordination workstation receives aggregates', async () => {
    const r = await lunen1.core.dispatch('statistics.publish', PERIOD);
    expect(r.ok ? 'ok' : r.error.code).toBe('statistics.noRecipient');
    expect(statisticsFiles()).toEqual([]);
  });

  it('adds up the offices’ counts and suppresses only the sum', async () => {
    const before = await call(koordination.core, 'statistics.aggregates');
    expect(before).toMatchObject({ receiving: true, aggregates: [], refused: 0 });
    const koDevice = (await call(koordination.core, 'network.status')).deviceId;

    const published = await call(lunen1.core, 'statistics.publish', PERIOD);
    expect(published.recipients.map((r) => r.deviceId)).toEqual([koDevice]);
    await call(werne.core, 'statistics.publish', PERIOD);

    // Each office alone: three new cases, shown as "< 5".
    expect(cellOf(await call(lunen1.core, 'statistics.compute', PERIOD), 'cases', 'new')).toBe('<5');
    expect(cellOf(await call(werne.core, 'statistics.compute', PERIOD), 'cases', 'new')).toBe('<5');

    const overview = await call(koordination.core, 'statistics.aggregates');
    expect(overview.aggregates.map((a) => [a.office, a.from, a.to, a.signatureVerified])).toEqual([
      ['lunen', PERIOD.from, PERIOD.to, true],
      ['werne', PERIOD.from, PERIOD.to, true],
    ]);
    const combined = await call(koordination.core, 'statistics.combine', PERIOD);
    expect(combined.included.map((a) => a.office)).toEqual(['lunen', 'werne']);
    expect(combined.missing).toEqual(['selm']);
    expect(combined.report.offices).toEqual(['lunen', 'werne']);
    // Below 5 in each office, 6 in the sum: shown.
    expect(cellOf(combined.report, 'cases', 'new')).toBe(6);
    expect(cellOf(combined.report, 'clientsByAge', '27-44')).toBe(6);

    // The sum through the export paths: named for the offices, the same figures.
    const csv = await call(koordination.core, 'statistics.exportCombinedCsv', PERIOD);
    expect(csv.fileName).toBe(`kim-statistik-dienststellen-${PERIOD.from}-bis-${PERIOD.to}.csv`);
    expect(csv.fileName).toMatch(STATISTICS_FILE_NAME);
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Summe der Dienststellen: Stadt Lünen, Kommunales Integrationsmanagement; Stadt Werne, Kommunales Integrationsmanagement');
    expect(text).toMatch(/neu eröffnet[^\n]*;6/);
    const xlsx = await call(koordination.core, 'statistics.exportCombinedXlsx', PERIOD);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.some((v) => String(v[0]).startsWith('neu eröffnet') && v[1] === 6)).toBe(true);
    const print = await call(koordination.core, 'statistics.printCombined', PERIOD);
    expect(print.fileName).toBe(`kim-statistik-dienststellen-${PERIOD.from}-bis-${PERIOD.to}.pdf`);
    expect(print.html).toContain('Summe der Dienststellen: Stadt Lünen');

    // Every cell of the sum agrees with the offices' own unsuppressed counts added up here.
    const parts = [await ownCounts(lunen1, 'lunen'), await ownCounts(werne, 'werne')];
    for (const t of combined.report.tables) {
      t.rows.forEach((row, i) =>
        t.columns.forEach((column, j) => {
          const sum = parts.reduce((s, p) => {
            const pt = p.tables.find((x) => x.id === t.id)!;
            return s + pt.cells[pt.rows.indexOf(row.key)]![pt.columns.indexOf(column.key)]!;
          }, 0);
          expect(agrees(t.cells[i]![j]!, sum), `${t.id}.${row.key}.${column.key}: ${String(t.cells[i]![j])} vs ${sum}`).toBe(true);
        }),
      );
    }
  });

  it('takes the latest publication of an office and period', async () => {
    const [familyName, givenNames, birthDate] = ['Holunderweg', 'Gül', '1983-05-05'];
    const client = await call(lunen1.core, 'clients.create', { familyName, givenNames, birthDate });
    const k = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb8'] });
    ids.push(client.id, k.id);
    await call(lunen1.core, 'statistics.publish', PERIOD);
    const combined = await call(koordination.core, 'statistics.combine', PERIOD);
    expect(cellOf(combined.report, 'cases', 'new')).toBe(7);
    expect(combined.included.filter((a) => a.office === 'lunen')).toHaveLength(1);

    // The same sum from the CLI, for the Kreis' reporting scripts.
    const r = kimAkte(['stats', '--data-dir', koordination.dir, '--user', COORDINATION.login, '--from', PERIOD.from, '--to', PERIOD.to, '--combined', '--json'], COORDINATION.passphrase);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { tables: { cases: { cells: { new: { count: unknown } } } }; combined: { offices: string[]; missing: string[] } };
    expect(json.tables.cases.cells.new.count).toBe(7);
    expect(json.combined).toMatchObject({ offices: ['lunen', 'werne'], missing: ['selm'] });
  });

  it('refuses another period and names the periods reported', async () => {
    const r = await koordination.core.dispatch('statistics.combine', { from: `${YEAR}-01-01`, to: `${YEAR}-03-31` });
    expect(r.ok ? 'ok' : r.error.code).toBe('statistics.periodMismatch');
    expect(r.ok ? null : r.error.params.periods).toBe(`${PERIOD.from}..${PERIOD.to}`);
  });

  it('puts no name, id, birth date or login into the records on the share', () => {
    const files = statisticsFiles();
    expect(files).toHaveLength(3);
    const forbidden = [
      ...[...LUNEN_PEOPLE, ...WERNE_PEOPLE].flat(),
      'Holunderweg',
      '1983-05-05',
      ...ids,
      COORDINATION.login,
      COORDINATION.displayName,
      STAFF.fm.login,
      STAFF.fm.displayName,
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const outer = JSON.parse(text) as { body: string };
      const body = Buffer.from(outer.body, 'base64').toString('utf8');
      for (const s of forbidden) {
        expect(text.includes(s), `${s} in ${file}`).toBe(false);
        expect(body.includes(s), `${s} in the body of ${file}`).toBe(false);
      }
      // The clear part names network, device, office, period, definitions and clock only.
      expect(Object.keys(JSON.parse(body) as object).sort()).toEqual(['content', 'definitionsVersion', 'device', 'from', 'hlc', 'keys', 'network', 'office', 'publishedAt', 'to', 'v']);
    }
  });

  it('refuses an altered record and logs it; the office’s earlier publication stands', async () => {
    const lunenDevice = (await call(lunen1.core, 'network.status')).deviceId;
    const latest = statisticsFiles()
      .filter((f) => f.includes(lunenDevice))
      .sort()
      .at(-1)!;
    const record = JSON.parse(readFileSync(latest, 'utf8')) as { body: string };
    const header = JSON.parse(Buffer.from(record.body, 'base64').toString('utf8')) as { office: string };
    header.office = 'selm';
    record.body = Buffer.from(JSON.stringify(header), 'utf8').toString('base64');
    writeFileSync(latest, JSON.stringify(record));

    const overview = await call(koordination.core, 'statistics.aggregates');
    expect(overview.refused).toBe(1);
    expect(overview.aggregates.map((a) => a.office)).toEqual(['lunen', 'werne']);
    const combined = await call(koordination.core, 'statistics.combine', PERIOD);
    expect(cellOf(combined.report, 'cases', 'new')).toBe(6);
    expect(combined.missing).toEqual(['selm']);

    // Logged once in the audit trail with an English code.
    await call(koordination.core, 'statistics.aggregates');
    const db = openRawVault(koordination.dir, koordination.recoveryKey!);
    try {
      const rows = db.prepare(`SELECT entity_id, fields, outcome FROM audit_entry WHERE action = 'sync.aggregateRefused'`).all() as { entity_id: string; fields: string; outcome: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entity_id: lunenDevice, outcome: 'denied' });
      expect(JSON.parse(rows[0]!.fields)).toContain('reason:badSignature');
    } finally {
      db.close();
    }
  });

  it('refuses a record signed by a key that is no member’s, and one in a folder of no member', async () => {
    const werneDevice = (await call(werne.core, 'network.status')).deviceId;
    const koDevice = (await call(koordination.core, 'network.status')).deviceId;
    const network = setting(werne, 'network.id');
    const stranger = newDeviceKeys();
    const counts = await ownCounts(werne, 'werne');
    counts.tables[0]!.cells[0]![0]! += 100;
    const forged = sealAggregate(
      { network, device: werneDevice, publishedAt: new Date().toISOString(), hlc: '999999999999999-000000', counts, recipients: [{ device: koDevice, boxPublic: koBox() }] },
      stranger.signPrivate,
    );
    const dir = join(share, 'kim-akte-sync', 'devices', werneDevice, 'statistics');
    writeFileSync(join(dir, '999999999999999-000000.kimstat'), forged);
    // Unsigned: the envelope without a valid signature.
    writeFileSync(join(dir, '999999999999999-000001.kimstat'), signRecord('statistics-aggregate', { v: 1 }, stranger.signPrivate).replace(/"sig":"[^"]+"/, '"sig":""'));

    // A member's valid record copied into the folder of a device no one enrolled.
    const lunenDevice = (await call(lunen1.core, 'network.status')).deviceId;
    const valid = statisticsFiles().filter((f) => f.includes(lunenDevice)).sort()[0]!;
    const strangerDir = join(share, 'kim-akte-sync', 'devices', randomUUID(), 'statistics');
    mkdirSync(strangerDir, { recursive: true });
    copyFileSync(valid, join(strangerDir, '999999999999999-000000.kimstat'));

    const overview = await call(koordination.core, 'statistics.aggregates');
    expect(overview.refused).toBe(4);
    const combined = await call(koordination.core, 'statistics.combine', PERIOD);
    expect(cellOf(combined.report, 'cases', 'new')).toBe(6);
  });

  it('refuses to add figures that follow other definitions', async () => {
    const werneDevice = (await call(werne.core, 'network.status')).deviceId;
    const koDevice = (await call(koordination.core, 'network.status')).deviceId;
    const counts = { ...(await ownCounts(werne, 'werne')), definitionsVersion: '0-old' };
    // Signed with Werne's own device key (read from its vault): a valid publication under other definitions.
    const text = sealAggregate(
      {
        network: setting(werne, 'network.id'),
        device: werneDevice,
        publishedAt: new Date().toISOString(),
        hlc: '999999999999998-000000',
        counts,
        recipients: [{ device: koDevice, boxPublic: koBox() }],
      },
      Buffer.from(setting(werne, 'device.signKey'), 'base64'),
    );
    writeFileSync(join(share, 'kim-akte-sync', 'devices', werneDevice, 'statistics', '999999999999998-000000.kimstat'), text);
    const overview = await call(koordination.core, 'statistics.aggregates');
    expect(overview.aggregates.find((a) => a.office === 'werne')?.definitionsVersion).toBe('0-old');
    const r = await koordination.core.dispatch('statistics.combine', PERIOD);
    expect(r.ok ? 'ok' : r.error.code).toBe('statistics.definitionsMismatch');
  });

  it('lets only Koordination list and combine', async () => {
    for (const m of ['statistics.aggregates', 'statistics.combine'] as const) {
      const r = await lunen1.core.dispatch(m, m === 'statistics.combine' ? PERIOD : {});
      expect(r.ok ? 'ok' : r.error.code).toBe('permission.denied');
    }
  });
});
