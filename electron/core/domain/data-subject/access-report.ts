import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DATA_CATEGORIES, DOCUMENT_DATA_CATEGORY, KEY_PROTECTED_CATEGORIES, LIFE_AREA_DATA_CATEGORY, type DataCategory } from '../../contract/data-categories';
import { berlinDate } from '../../contract/dates';
import { AppError } from '../../contract/errors';
import type { Office } from '../../contract/offices';
import { RECHTSKREIS_DATA_CATEGORY } from '../../contract/response-fields';
import { retentionPeriod, type RetentionPeriod } from '../../contract/retention';
import type { accessReportInput } from '../../contract/schemas/data-subject-schemas';
import type { AccessReportPreview } from '../../contract/types/data-subject-types';
import { consentFormLanguageFor, MAX_PRINT_HTML_BYTES, type ConsentFormChoice, type PrintDocument } from '../../contract/types/print-types';
import type { ServiceContext } from '../service-context';
import { fileViewers } from './file-viewers';
import { reportCopyHtml } from './report-copy';
import { accessReportHtml, type AccessReportFacts } from './report-document';
import { requireKeptFile } from './subject-access';
import { subjectRecipients } from './subject-recipients';
import { gatherSubjectRecords, type SubjectRecords } from './subject-records';
import { subjectSources } from './subject-sources';

/**
 * dataSubject.accessPreview and dataSubject.accessReport: the Art. 15 report of one person, for the office that
 * keeps the file (subject-access.ts). Both are audited under the person's file by the dispatcher; the report's
 * entry names the language and the report's number, never a value.
 */

/** The data categories the file actually holds something of. */
export function heldCategories(r: SubjectRecords): DataCategory[] {
  const held = new Set<DataCategory>(['master']);
  if (r.residence.length) held.add('residence');
  if (r.household.length || r.mentions.length) held.add('family');
  for (const d of r.documents) {
    const c = DOCUMENT_DATA_CATEGORY[d.category];
    if (c) held.add(c);
  }
  for (const k of r.cases) {
    for (const x of k.rechtskreise) held.add(RECHTSKREIS_DATA_CATEGORY[x]);
    for (const a of k.assessment) held.add(LIFE_AREA_DATA_CATEGORY[a.area]);
    for (const g of k.goals) held.add(LIFE_AREA_DATA_CATEGORY[g.area]);
    if (k.notes?.length || k.closure?.summary != null) held.add('conversation-notes');
  }
  for (const c of r.conferences) {
    for (const s of c.situations) held.add(LIFE_AREA_DATA_CATEGORY[s.area]);
    if (c.results) held.add('conversation-notes');
  }
  return DATA_CATEGORIES.filter((c) => held.has(c));
}

/** The retention facts of the file, under the one rule (contract/retention.ts). */
export function fileRetention(r: SubjectRecords): RetentionPeriod {
  const closed = r.cases.map((k) => k.closedOn).filter((d): d is string => d !== null).sort();
  return retentionPeriod({ openCases: r.cases.filter((k) => k.closedOn === null).length, lastClosedOn: closed.at(-1) ?? null, createdOn: berlinDate(new Date(r.client.createdAt)) });
}

function withheldOf(ctx: ServiceContext, categories: readonly DataCategory[]): DataCategory[] {
  return KEY_PROTECTED_CATEGORIES.filter((c) => categories.includes(c) && !ctx.fields.holds(c));
}

async function gatherFacts(ctx: ServiceContext, clientId: string): Promise<AccessReportFacts> {
  const client = await requireKeptFile(ctx, clientId);
  const today = berlinDate(ctx.now);
  const records = await gatherSubjectRecords(ctx.tx, ctx.fields, client);
  const categories = heldCategories(records);
  return {
    reportId: randomUUID(),
    printedOn: today,
    office: client.office as Office,
    records,
    categories,
    recipients: await subjectRecipients(ctx.tx, records, today),
    sources: await subjectSources(ctx.tx, records),
    viewers: await fileViewers(ctx.tx, clientId),
    retention: fileRetention(records),
    withheld: withheldOf(ctx, categories),
  };
}

/** The client's first language the report is offered in, else German only. */
function suggestedLanguage(languages: string): ConsentFormChoice {
  for (const l of JSON.parse(languages) as { code: string }[]) {
    const offered = consentFormLanguageFor(l.code);
    if (offered) return offered;
  }
  return 'de';
}

export async function previewAccessReport(ctx: ServiceContext, clientId: string): Promise<AccessReportPreview> {
  const f = await gatherFacts(ctx, clientId);
  const r = f.records;
  ctx.audit.entityIds.push(clientId);
  ctx.audit.fields.push('art15-preview');
  return {
    clientId,
    displayName: `${r.client.familyName}, ${r.client.givenNames}`,
    birthDate: r.client.birthDate,
    office: f.office,
    suggestedLanguage: suggestedLanguage(r.client.languages),
    counts: {
      cases: r.cases.length,
      goals: r.cases.reduce((n, k) => n + k.goals.length, 0),
      measures: r.cases.reduce((n, k) => n + k.goals.reduce((m, g) => m + g.measures.length, 0), 0),
      notes: r.cases.reduce((n, k) => n + (k.notes?.length ?? 0), 0),
      documents: r.documents.length,
      consents: r.consents.length,
      referrals: r.referrals.length,
      conferences: r.conferences.length,
      residence: r.residence.length,
      household: r.household.length,
      mentions: r.mentions.length,
    },
    recipients: f.recipients.map((x) => x.name),
    viewers: new Set(f.viewers.map((v) => v.actorId)).size,
    categories: f.categories,
    retention: f.retention.kind === 'open' ? { kind: 'open', years: f.retention.years, from: null, basisDate: null, keepUntil: null } : { ...f.retention },
    withheld: f.withheld,
  };
}

/** The download's name: no personal data, only the date, the report's short number and the language. */
export function accessReportFileName(reportId: string, printedOn: string, language: ConsentFormChoice): string {
  return `auskunft-art15-${printedOn}-${reportId.slice(0, 8)}${language === 'de' ? '' : `-${language}`}.pdf`;
}

/** The report's facts and HTML (separate from the audit notes, for the benchmark). */
export async function buildAccessReport(ctx: ServiceContext, input: z.output<typeof accessReportInput>): Promise<{ facts: AccessReportFacts; document: PrintDocument }> {
  const facts = await gatherFacts(ctx, input.clientId);
  const htmlText = accessReportHtml(facts, input.language, reportCopyHtml(facts.records, new Set(facts.withheld), facts.printedOn));
  if (Buffer.byteLength(htmlText, 'utf8') > MAX_PRINT_HTML_BYTES) throw new AppError('report.tooLarge');
  return { facts, document: { clientId: input.clientId, fileName: accessReportFileName(facts.reportId, facts.printedOn, input.language), html: htmlText } };
}

export async function writeAccessReport(ctx: ServiceContext, input: z.output<typeof accessReportInput>): Promise<PrintDocument> {
  const { facts, document } = await buildAccessReport(ctx, input);
  ctx.audit.entityIds.push(input.clientId);
  ctx.audit.fields.push('print:art15-report', `report:${facts.reportId}`, `language:${input.language}`, ...facts.withheld.map((c) => `withheld:${c}`));
  return document;
}
