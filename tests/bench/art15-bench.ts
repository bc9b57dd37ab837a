import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { runDemoData } from '../demo-data/demo-data-command';
import { startChromiumPdf } from '../helpers/chromium-pdf';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { median, percentile, round, timeMs } from './stats';

/**
 * The Art. 15 report (issue 12) for one person with 5 cases and 200 notes, in a demo vault of other offices' and
 * clients' data (so the household and audit queries scan a realistic trail): `art15_report_ms` is the
 * dataSubject.accessReport call through the dispatcher as the case manager, which gathers every record, the
 * recipients, the accesses from the audit trail and builds the print HTML. Turning the HTML into a PDF is the
 * transport's step (Electron's printToPDF in the app); here it is measured apart with Chromium's page.pdf, the same
 * engine the harness uses. The baseline, in the same run on the same vault, is opening that whole file on screen
 * (clients.get and cases.get of its 5 cases), so the ratio says what the report costs beyond reading the file.
 */
export interface Art15BenchResult {
  art15_clients: number;
  art15_notes: number;
  art15_samples: number;
  art15_report_ms: number;
  art15_report_p95_ms: number;
  art15_open_file_ms: number;
  art15_report_to_open_file_ratio: number;
  art15_html_kb: number;
  art15_pdf_render_ms: number;
  art15_pdf_samples: number;
}

const CASES = 5;
const NOTES_PER_CASE = 40;

export async function benchArt15(o: { clients: number; samples: number; log: (line: string) => void }): Promise<Art15BenchResult> {
  const tmp = tempDir('kim-akte-bench-art15-');
  const now = new Date();
  const today = berlinDate(now);
  try {
    o.log(`art15: a demo vault with ${o.clients} clients …`);
    const quiet = { out: () => undefined, progress: () => undefined };
    const run = await runDemoData({ dataDir: join(tmp.dir, 'vault'), office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '15' }, ADMIN_PASSPHRASE, quiet, now);
    const core = new CoreDispatcher({ dataDir: run.dataDir });
    try {
      await call(core, 'session.unlock', { login: run.caseManagerLogins[0]!, passphrase: ADMIN_PASSPHRASE });
      o.log(`  seeding one person with ${CASES} cases and ${CASES * NOTES_PER_CASE} notes through the dispatcher …`);
      const partner = (await call(core, 'partners.search', {}))[0];
      const client = await call(core, 'clients.create', {
        familyName: 'Haddad',
        givenNames: 'Rami',
        birthDate: '1990-04-01',
        street: 'Lange Straße 7',
        postalCode: '44532',
        city: 'Lünen',
        languages: [{ code: 'ar', interpreterNeeded: true }],
      });
      const clientId = client.id;
      await call(core, 'household.add', { clientId, name: 'Amal Haddad', relation: 'child', birthYear: 2015 });
      await call(core, 'residence.add', { clientId, type: 'aufenthaltserlaubnis', legalBasis: '§ 25 Abs. 2 AufenthG', validFrom: addDays(today, -400) });
      await call(core, 'consents.add', { clientId, parties: ['werne', 'abh-lunen'], categories: ['master', 'residence'], purpose: 'Klärung der Bleibeperspektive', validFrom: addDays(today, -300), form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
      if (partner) {
        await call(core, 'consents.add', { clientId, partnerIds: [partner.id], categories: ['master', 'work-education'], purpose: 'Vermittlung', validFrom: addDays(today, -300), form: 'oral', oralRecord: 'mit Dolmetscherin erklärt' });
      }
      const caseIds: string[] = [];
      for (let k = 0; k < CASES; k++) {
        const opened = await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2', 'aufenthg'] });
        caseIds.push(opened.id);
        await call(core, 'assessment.set', { caseId: opened.id, area: 'health', need: 'some', note: 'Diabetes, Insulin' });
        const goals: string[] = [];
        for (const area of ['work', 'health'] as const) {
          const g = await call(core, 'goals.add', { caseId: opened.id, area, title: `Ziel ${area} im Fall ${k + 1}` });
          const goalId = g.goals.at(-1)!.id;
          goals.push(goalId);
          await call(core, 'measures.add', { goalId, title: `Maßnahme ${area} im Fall ${k + 1}`, owner: 'KIM' });
        }
        for (let n = 0; n < NOTES_PER_CASE; n++) {
          await call(core, 'notes.add', {
            caseId: opened.id,
            occurredOn: addDays(today, -(CASES - k) * 60 + n),
            kind: n % 3 ? 'in-person' : 'phone',
            text: `Gespräch ${n + 1} im Fall ${k + 1}: Stand der Anträge, Termine beim Jobcenter und bei der Ausländerbehörde, nächste Schritte besprochen.`,
            internal: n % 7 === 0,
          });
        }
        if (partner) {
          const r = await call(core, 'referrals.create', { caseId: opened.id, partnerId: partner.id, request: `Beratung im Fall ${k + 1}`, categories: ['master'] });
          await call(core, 'referrals.send', { id: r.id, version: r.version });
        }
        if (k < CASES - 1) {
          const current = await call(core, 'cases.get', { id: opened.id });
          const moved = await call(core, 'cases.setPhase', { id: opened.id, version: current.version, phase: 'assessment' });
          await call(core, 'cases.close', {
            id: opened.id,
            version: moved.version,
            reason: 'goals-achieved',
            summary: 'Ziele erreicht',
            goalOutcomes: goals.map((goalId) => ({ goalId, status: 'achieved', outcomeNote: null })),
          });
        }
      }
      const input = { clientId, language: 'ar' };
      const openFile = async () => {
        await call(core, 'clients.get', { id: clientId });
        for (const id of caseIds) await call(core, 'cases.get', { id });
      };
      o.log(`  measuring ${o.samples} reports and ${o.samples} file openings, alternating …`);
      for (let i = 0; i < 3; i++) {
        await call(core, 'dataSubject.accessReport', input);
        await openFile();
      }
      const report: number[] = [];
      const open: number[] = [];
      for (let i = 0; i < o.samples; i++) {
        report.push(await timeMs(() => call(core, 'dataSubject.accessReport', input)));
        open.push(await timeMs(openFile));
      }
      const doc = await call(core, 'dataSubject.accessReport', input);
      const render: number[] = [];
      const chromiumPath = process.env.KIM_CHROMIUM ?? '/usr/bin/chromium';
      if (existsSync(chromiumPath)) {
        const chromium = await startChromiumPdf();
        try {
          await chromium.print(doc.html);
          for (let i = 0; i < 5; i++) render.push(await timeMs(() => chromium.print(doc.html)));
        } finally {
          await chromium.close();
        }
      } else o.log(`  no Chromium at ${chromiumPath}: the PDF rendering is not measured`);
      const p50 = round(median(report));
      const baseline = round(median(open));
      return {
        art15_clients: o.clients + 1,
        art15_notes: CASES * NOTES_PER_CASE,
        art15_samples: report.length,
        art15_report_ms: p50,
        art15_report_p95_ms: round(percentile(report, 95)),
        art15_open_file_ms: baseline,
        art15_report_to_open_file_ratio: round(p50 / baseline, 2),
        art15_html_kb: round(Buffer.byteLength(doc.html, 'utf8') / 1024, 1),
        art15_pdf_render_ms: render.length ? round(median(render)) : -1,
        art15_pdf_samples: render.length,
      };
    } finally {
      await core.close();
    }
  } finally {
    tmp.cleanup();
  }
}
