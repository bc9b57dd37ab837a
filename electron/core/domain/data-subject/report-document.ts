import { ART9_CATEGORIES, DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import { berlinDate } from '../../contract/dates';
import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import type { RetentionPeriod } from '../../contract/retention';
import type { ConsentFormChoice } from '../../contract/types/print-types';
import { fill, germanDate, html, isolate, printDocumentHtml, type SafeHtml } from '../../platform/print/print-html';
import { printLabels } from '../../platform/print/print-labels';
import { consentFormTexts } from '../consent/consent-form-texts';
import type { FileViewer } from './file-viewers';
import { ACCESS_REPORT_CSS } from './report-style';
import { accessReportTexts, recordLabels, supervisoryAuthority, type AccessReportTexts } from './report-texts';
import type { SubjectRecords } from './subject-records';
import type { Handover, SubjectRecipient } from './subject-recipients';
import type { SubjectSource } from './subject-sources';

/**
 * The Art. 15 report as a print document: the explanatory parts (what this is, controller, purposes, categories,
 * recipients, retention, sources, rights, complaint, who saw the file) in German and, with a language chosen, side
 * by side in the client's language, like the consent form; the lists of recipients, sources and accesses and the
 * copy of the stored data once, in German, as stored. All wording comes from the reviewed template files.
 */
export interface AccessReportFacts {
  reportId: string;
  printedOn: string;
  office: Office;
  records: SubjectRecords;
  categories: DataCategory[];
  recipients: SubjectRecipient[];
  sources: SubjectSource[];
  viewers: FileViewer[];
  retention: RetentionPeriod;
  /** Protected categories whose contents the writing account cannot read (no category key). */
  withheld: DataCategory[];
}

export const date = (iso: string | null | undefined) => (iso ? isolate(germanDate(iso), 'ltr') : null);
export const day = (instant: string) => germanDate(berlinDate(new Date(instant)));

function postalAddress(office: Office): SafeHtml {
  const p = OFFICE_POSTAL[office];
  return html`<p class="address" dir="ltr"><span>${p.name}</span><span>${p.unit}</span><span>${p.street}</span><span>${p.postalCode} ${p.city}</span></p>`;
}

function authorityAddress(): SafeHtml {
  const a = supervisoryAuthority();
  return html`<p class="address authority" dir="ltr" lang="de"><span>${a.name}</span><span>${a.street}</span><span>${a.postalCode} ${a.city}</span><span>${a.phone}</span><span>${a.email}</span><span>${a.web}</span></p>`;
}

/** An explanatory section: its text in one language (`t`), the same facts in every column. */
type Explain = (t: AccessReportTexts, f: AccessReportFacts, code: ConsentFormChoice) => SafeHtml;
/** What follows a section once, in German: names and records as stored. */
type Data = (f: AccessReportFacts) => SafeHtml | null;

function retentionText(t: AccessReportTexts, r: RetentionPeriod): SafeHtml {
  const rule = html`<p>${fill(t.retention.rule, { years: String(r.years) })}</p>`;
  if (r.kind === 'open') return html`${rule}<p>${t.retention.open}</p>`;
  const until = date(r.keepUntil);
  return r.from === 'file-created'
    ? html`${rule}<p>${fill(t.retention.fromCreated, { basis: isolate(r.basisDate.slice(0, 4), 'ltr'), until })}</p>`
    : html`${rule}<p>${fill(t.retention.until, { until })}</p>`;
}

function categoryList(f: AccessReportFacts, code: ConsentFormChoice): SafeHtml {
  const labels = consentFormTexts(code).categories.labels;
  return html`<ul>${f.categories.map((c) => html`<li>${labels[c]}</li>`)}</ul>`;
}

const SECTIONS: { explain: Explain; data?: Data }[] = [
  { explain: (t) => html`<h2>${t.intro.heading}</h2><p>${t.intro.text}</p><p>${t.intro.deadline}</p>` },
  { explain: (t, f) => html`<h2>${t.controller.heading}</h2><p>${t.controller.text}</p>${postalAddress(f.office)}` },
  {
    explain: (t, f) =>
      html`<h2>${t.purposes.heading}</h2><p>${t.purposes.mandate}</p><p>${t.purposes.legal}</p>${f.records.consents.length ? html`<p>${t.purposes.consents}</p>` : null}`,
    data: (f) =>
      f.records.consents.length
        ? html`<ul class="data" lang="de">${f.records.consents.map(({ consent }) => html`<li><span class="value">${consent.purpose}</span> (${date(consent.validFrom)})</li>`)}</ul>`
        : null,
  },
  {
    explain: (t, f, code) =>
      html`<h2>${t.categories.heading}</h2><p>${t.categories.text}</p>${categoryList(f, code)}${
        f.categories.some((c) => (ART9_CATEGORIES as readonly DataCategory[]).includes(c)) || f.categories.includes('conversation-notes') ? html`<p>${t.categories.art9}</p>` : null
      }`,
  },
  {
    explain: (t, f) => html`<h2>${t.recipients.heading}</h2><p>${f.recipients.length ? t.recipients.text : t.recipients.none}</p>${
      f.recipients.some((r) => r.handovers.some((h) => h.via === 'sync')) ? html`<p>${t.recipients.sync}</p>` : null
    }`,
    data: (f) => (f.recipients.length ? recipientList(f.recipients) : null),
  },
  { explain: (t, f) => html`<h2>${t.retention.heading}</h2>${retentionText(t, f.retention)}` },
  {
    explain: (t, f) => html`<h2>${t.sources.heading}</h2><p>${f.sources.length ? t.sources.text : t.sources.none}</p>`,
    data: (f) => (f.sources.length ? sourceList(f.sources) : null),
  },
  {
    explain: (t) =>
      html`<h2>${t.rights.heading}</h2><p>${t.rights.text}</p><ul><li>${t.rights.rectification}</li><li>${t.rights.erasure}</li><li>${t.rights.restriction}</li><li>${t.rights.objection}</li><li>${t.rights.revocation}</li></ul><p>${t.rights.contact}</p>`,
  },
  { explain: (t) => html`<h2>${t.complaint.heading}</h2><p>${t.complaint.text}</p>${authorityAddress()}` },
  {
    explain: (t, f) => html`<h2>${t.viewers.heading}</h2><p>${f.viewers.length ? t.viewers.text : t.viewers.none}</p>`,
    data: (f) => (f.viewers.length ? viewerTable(f.viewers) : null),
  },
];

const categoryWords = (cs: readonly DataCategory[]) => {
  const labels = printLabels().categories;
  return DATA_CATEGORIES.filter((c) => cs.includes(c)).map((c) => labels[c]).join(', ') || printLabels().none;
};

function handoverText(h: Handover): SafeHtml {
  const l = recordLabels();
  const categories = categoryWords(h.categories);
  if (h.via === 'consent') return fill(l.recipients.consent, { from: date(h.on), status: l.vocabulary.consentStatuses[h.status], categories });
  if (h.via === 'sync') return fill(l.recipients.sync, { devices: String(h.devices), on: date(h.on), categories });
  return fill(l.recipients[h.via], { on: date(h.on), categories });
}

function recipientList(recipients: readonly SubjectRecipient[]): SafeHtml {
  const l = recordLabels();
  return html`<ul class="data" lang="de">${recipients.map(
    (r) => html`<li><span class="value">${isolate(r.name)}</span> (${l.recipients.kinds[r.kind]})<ul>${r.handovers.map((h) => html`<li>${handoverText(h)}</li>`)}</ul></li>`,
  )}</ul>`;
}

function sourceList(sources: readonly SubjectSource[]): SafeHtml {
  const l = recordLabels();
  return html`<ul class="data" lang="de">${sources.map((s) => {
    if (s.kind === 'office-sync') return html`<li>${fill(l.sources.officeSync, { office: `${OFFICE_POSTAL[s.office].name}, ${OFFICE_POSTAL[s.office].unit}` })}</li>`;
    if (s.kind === 'referral-feedback') return html`<li>${fill(l.sources.referralFeedback, { partner: isolate(s.partnerName), state: l.vocabulary.referralStates[s.state as 'sent'] ?? s.state })}</li>`;
    if (s.kind === 'conference') return html`<li>${fill(l.sources.conference, { date: date(s.on), partners: s.partnerNames.join(', ') })}</li>`;
    return html`<li>${fill(l.sources.householdMention, { count: String(s.count) })}</li>`;
  })}</ul>`;
}

function viewerTable(viewers: readonly FileViewer[]): SafeHtml {
  const l = recordLabels();
  const v = l.viewers;
  const office = (o: string) => (o in OFFICE_POSTAL ? `${OFFICE_POSTAL[o as Office].name}, ${OFFICE_POSTAL[o as Office].unit}` : o);
  const role = (r: string) => l.vocabulary.roles[r as keyof typeof l.vocabulary.roles] ?? r;
  return html`<table class="data" lang="de"><thead><tr><th scope="col">${v.name}</th><th scope="col">${v.role}</th><th scope="col">${v.office}</th><th scope="col">${v.kind}</th><th scope="col">${v.period}</th><th scope="col">${v.count}</th></tr></thead><tbody>${viewers.map(
    (x) => html`<tr><td>${isolate(x.name)}</td><td>${role(x.role)}</td><td>${office(x.office)}</td><td>${v.kinds[x.kind]}</td><td>${day(x.first)}${
      day(x.first) === day(x.last) ? null : html` – ${day(x.last)}`
    }</td><td>${String(x.count)}</td></tr>`,
  )}</tbody></table>`;
}

function column(t: AccessReportTexts, body: SafeHtml): SafeHtml {
  return html`<div lang="${t.meta.code}" dir="${t.meta.dir}">${body}</div>`;
}

/** The report's HTML in German, or with the explanatory parts also in `language`. */
export function accessReportHtml(f: AccessReportFacts, language: ConsentFormChoice, copy: SafeHtml): string {
  const de = accessReportTexts('de');
  const other = language === 'de' ? null : accessReportTexts(language);
  const { client } = f.records;
  const head = html`<header><h1>${de.title}</h1>${other ? html`<p class="lead title" lang="${other.meta.code}" dir="${other.meta.dir}">${other.title}</p>` : null}
    <p class="lead">${de.subtitle}</p>${other ? html`<p class="lead" lang="${other.meta.code}" dir="${other.meta.dir}">${other.subtitle}</p>` : null}
    <p class="lead value">${isolate(`${client.familyName}, ${client.givenNames}`)}${client.birthDate ? html` · ${date(client.birthDate)}` : null}</p></header>`;
  const sections = SECTIONS.map(({ explain, data }) => {
    const text = other
      ? html`<section class="pair">${column(de, explain(de, f, 'de'))}${column(other, explain(other, f, language))}</section>`
      : html`<section class="single">${explain(de, f, 'de')}</section>`;
    const list = data?.(f);
    return list ? html`${text}${list}` : text;
  });
  const copyHead = html`<h2>${de.copy.heading}</h2><p>${de.copy.text}</p>${f.withheld.length ? html`<p>${de.copy.withheld}</p>` : null}`;
  const copyIntro = other
    ? html`<section class="pair">${column(de, copyHead)}${column(other, html`<h2>${other.copy.heading}</h2><p>${other.copy.text}</p>${f.withheld.length ? html`<p>${other.copy.withheld}</p>` : null}`)}</section>`
    : html`<section class="single">${copyHead}</section>`;
  const reference = { id: isolate(f.reportId.slice(0, 8), 'ltr'), date: date(f.printedOn) };
  const footer = html`<footer><p>${fill(de.footer.reference, reference)}</p>${
    other
      ? html`<p>${de.footer.authoritative}</p><p lang="${other.meta.code}" dir="${other.meta.dir}">${other.footer.authoritative} ${fill(other.footer.reference, reference)}</p>`
      : null
  }</footer>`;
  return printDocumentHtml({
    title: de.title,
    lang: 'de',
    dir: 'ltr',
    css: ACCESS_REPORT_CSS,
    body: html`${head}<main>${sections}${copyIntro}<div class="copy" lang="de">${copy}</div></main>${footer}`,
  });
}

