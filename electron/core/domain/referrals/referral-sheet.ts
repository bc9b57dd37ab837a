import type { z } from 'zod';
import type { DataCategory } from '../../contract/data-categories';
import { berlinDate } from '../../contract/dates';
import { AppError } from '../../contract/errors';
import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import type { referralPrintInput } from '../../contract/schemas/referral-schemas';
import { MAX_PRINT_HTML_BYTES, type PrintDocument } from '../../contract/types/print-types';
import type { ReferralPrintData, ReferralPrintSection } from '../../contract/types/referral-types';
import { fill, germanDate, html, printDocumentHtml, type SafeHtml } from '../../platform/print/print-html';
import { printLabels } from '../../platform/print/print-labels';
import { SHEET_CSS } from '../../platform/print/sheet-style';
import type { ClientDataContext } from '../access/call-access';
import { referralPrintData } from './referral-print';
import { REFERRAL_SHEET_FIELDS, referralSheetTexts, type ReferralSheetTexts } from './referral-sheet-texts';

/**
 * The Überleitungsbogen (referral hand-over sheet) of a sent referral, as a print document: who hands over to
 * whom, what is asked, the consents relied on, and the client's data of exactly the categories those consents
 * release to the partner today (referralPrintData decides that; this module only words it). German only; every
 * fixed word comes from the reviewed template file.
 */

export function officeAddress(office: Office): SafeHtml {
  const p = OFFICE_POSTAL[office];
  return html`<p class="address"><span>${p.name}</span><span>${p.unit}</span><span>${p.street}</span><span>${p.postalCode} ${p.city}</span></p>`;
}

const row = (label: string, value: string | SafeHtml | null, empty: string) =>
  html`<tr><th scope="row">${label}</th><td class="value">${value ?? empty}</td></tr>`;

function categorySection(t: ReferralSheetTexts, category: DataCategory, s: ReferralPrintSection, d: ReferralPrintData): SafeHtml {
  const l = printLabels();
  const fields = REFERRAL_SHEET_FIELDS.filter((f) => f in s.fields);
  // Master data open with the name and birth date (the person is named only when master data are released).
  const person = category === 'master' && d.client;
  const facts =
    person || fields.length
      ? html`<table class="facts"><tbody>${
          person
            ? html`${row(t.person.name, `${d.client!.familyName}, ${d.client!.givenNames}`, l.notRecorded)}${row(
                t.person.birthDate,
                d.client!.birthDate ? germanDate(d.client!.birthDate) : null,
                t.person.unknown,
              )}`
            : null
        }${fields.map((f) => row(t.person.fields[f], s.fields[f] ?? null, l.notRecorded))}</tbody></table>`
      : null;
  const assessment = s.assessment.length
    ? html`<h4>${t.category.assessment}</h4><table class="data"><thead><tr><th scope="col">${t.category.area}</th><th scope="col">${t.category.need}</th><th scope="col">${t.category.note}</th></tr></thead><tbody>${s.assessment.map(
        (a) => html`<tr><td>${l.lifeAreas[a.area]}</td><td>${l.needLevels[a.need]}</td><td class="pre">${a.note ?? ''}</td></tr>`,
      )}</tbody></table>`
    : null;
  const goals = s.goals.length
    ? html`<h4>${t.category.goals}</h4><table class="data"><thead><tr><th scope="col">${t.category.area}</th><th scope="col">${t.category.goal}</th><th scope="col">${t.category.status}</th></tr></thead><tbody>${s.goals.map(
        (g) => html`<tr><td>${l.lifeAreas[g.area]}</td><td>${g.title}</td><td>${l.goalStatuses[g.status]}</td></tr>`,
      )}</tbody></table>`
    : null;
  const notes = s.notes.length
    ? html`<h4>${t.category.notes}</h4><table class="data"><thead><tr><th scope="col">${t.category.noteDate}</th><th scope="col">${t.category.noteText}</th></tr></thead><tbody>${s.notes.map(
        (n) => html`<tr><td>${germanDate(n.occurredOn)}</td><td class="pre">${n.text}</td></tr>`,
      )}</tbody></table>`
    : null;
  const empty = !facts && !assessment && !goals && !notes;
  return html`<section><h3>${fill(t.category.heading, { category: l.categories[category] })}</h3>${facts}${assessment}${goals}${notes}${
    empty ? html`<p>${t.category.empty}</p>` : null
  }</section>`;
}

/** The sheet's HTML for the gathered data, printed on `printedOn`. */
export function referralSheetHtml(d: ReferralPrintData, printedOn: string): string {
  const t = referralSheetTexts();
  const l = printLabels();
  const partnerAddress = [d.partner.street, [d.partner.postalCode, d.partner.city].filter(Boolean).join(' ')].filter(Boolean);
  const head = html`<header><h1>${t.title}</h1><p class="lead">${t.subtitle}</p></header>`;
  const parties = html`<section class="keep"><h2>${t.from.heading}</h2>${officeAddress(d.office)}</section>
    <section class="keep"><h2>${t.to.heading}</h2><p class="address"><span class="value">${d.partner.name}</span>${partnerAddress.map((a) => html`<span>${a}</span>`)}</p>${
      d.contact
        ? html`<table class="facts"><tbody>${row(t.to.contact, d.contact.name, l.notRecorded)}${row(t.to.role, d.contact.role, l.notRecorded)}${row(t.to.phone, d.contact.phone, l.notRecorded)}${row(t.to.email, d.contact.email, l.notRecorded)}</tbody></table>`
        : html`<p>${t.to.noContact}</p>`
    }</section>`;
  const referral = html`<section class="keep"><h2>${t.referral.heading}</h2><table class="facts"><tbody>${row(
    t.referral.date,
    d.sentOn ? germanDate(d.sentOn) : null,
    l.notRecorded,
  )}${row(t.referral.urgency, t.referral.urgencies[d.urgency], l.notRecorded)}</tbody></table><h3>${t.referral.request}</h3><p class="pre">${d.request}</p></section>`;
  const consent = html`<section class="keep"><h2>${t.consent.heading}</h2>${
    d.categories.length
      ? html`<p>${t.consent.text}</p><ul>${d.categories.map((c) => html`<li>${l.categories[c]}</li>`)}</ul><p>${t.consent.basis}</p><ul>${d.consents.map(
          (c) =>
            html`<li>${
              c.validUntil
                ? fill(t.consent.itemUntil, { id: c.id.slice(0, 8), from: germanDate(c.validFrom), until: germanDate(c.validUntil) })
                : fill(t.consent.item, { id: c.id.slice(0, 8), from: germanDate(c.validFrom) })
            }</li>`,
        )}</ul>`
      : html`<p class="box">${t.consent.noCategories}</p>`
  }</section>`;
  const data = d.categories.length
    ? html`<section><h2>${t.person.heading}</h2>${d.categories.map((c) => categorySection(t, c, d.sections[c]!, d))}</section>`
    : null;
  const feedback = html`<section class="keep"><h2>${t.feedback.heading}</h2><p>${
    d.feedbackDue ? fill(t.feedback.due, { date: germanDate(d.feedbackDue) }) : t.feedback.open
  }</p><p>${t.feedback.to}</p>${officeAddress(d.office)}<p>${t.confidential}</p></section>`;
  const signatures = html`<section class="signatures" aria-label="${t.signature.heading}"><table><tbody><tr>
    <td><span class="line"></span><span class="label">${t.signature.placeDate}</span></td>
    <td><span class="line"></span><span class="label">${t.signature.staff}</span></td></tr></tbody></table></section>`;
  const footer = html`<footer><p>${fill(t.footer.reference, { id: d.referralId.slice(0, 8), date: germanDate(printedOn) })}</p></footer>`;
  return printDocumentHtml({ title: t.title, lang: 'de', dir: 'ltr', css: SHEET_CSS, body: html`${head}<main>${parties}${referral}${consent}${data}${feedback}${signatures}</main>${footer}` });
}

/** The download's name: kind, date and the referral's short id, no personal data. */
export function referralSheetFileName(referralId: string, printedOn: string): string {
  return `ueberleitungsbogen-${printedOn}-${referralId.slice(0, 8)}.pdf`;
}

/**
 * referrals.print: the Überleitungsbogen of a sent (or later) referral, printed by the keeping office (the guard
 * checked that; referralPrintData refuses a draft and a user who does not see every category of the referral).
 * The audit entry names the referral and the categories printed, never a value.
 */
export async function printReferralSheet(ctx: ClientDataContext, input: z.output<typeof referralPrintInput>): Promise<PrintDocument> {
  const data = await referralPrintData(ctx, input.id);
  const printedOn = berlinDate(ctx.now);
  const htmlText = referralSheetHtml(data, printedOn);
  if (Buffer.byteLength(htmlText, 'utf8') > MAX_PRINT_HTML_BYTES) throw new AppError('validation.invalid', { issues: [{ path: 'id', code: 'too_large' }] });
  const [r] = (await ctx.tx.query('SELECT client_id, partner_id FROM referral WHERE id = ?', [input.id])) as { client_id: string; partner_id: string }[];
  // The client file's read is in the trail already (one row per entity id); this row names the referral.
  ctx.audit.entityIds.push(input.id);
  ctx.audit.fields.push('print:referral-sheet', `partner:${r!.partner_id}`);
  return { clientId: r!.client_id, fileName: referralSheetFileName(input.id, printedOn), html: htmlText };
}
