import type { z } from 'zod';
import { AppError } from '../../contract/errors';
import { ART9_CATEGORIES, DATA_CATEGORIES, type DataCategory } from '../../contract/data-categories';
import { berlinDate } from '../../contract/dates';
import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import type { consentPrintInput } from '../../contract/schemas/consent-schemas';
import { MAX_PRINT_HTML_BYTES, type ConsentFormChoice, type PrintDocument } from '../../contract/types/print-types';
import { fill, germanDate, html, isolate, printDocumentHtml, type Direction, type SafeHtml } from '../../platform/print/print-html';
import { requireClient } from '../clients/client-service';
import type { ServiceContext } from '../service-context';
import { ConsentEntity, type Consent } from './consent-entities';
import { CONSENT_FORM_CSS } from './consent-form-style';
import { consentFormTexts, type ConsentFormTexts } from './consent-form-texts';
import { consentRecipients, namedPartners, type ConsentRecipient, type NamedPartner } from './consent-recipients';

/**
 * The consent form (Einwilligung / Schweigepflichtentbindung) as a print document, built from the consent record:
 * German, and with a chosen language the same form side by side (German left, the translation right, section by
 * section; in reading order each German section is followed by its translation). All wording comes from the
 * reviewed template files; from the record come only names, dates, categories, purpose and ids.
 */

/** What the form says, independent of language. */
export interface ConsentFormFacts {
  consentId: string;
  clientName: string;
  birthDate: string | null;
  office: Office;
  recipients: ConsentRecipient[];
  mutual: boolean;
  categories: DataCategory[];
  purpose: string;
  validFrom: string;
  validUntil: string | null;
  printedOn: string;
}

/** The facts of a consent record; the client's name and birth date from its file. */
export function consentFormFacts(
  consent: Consent,
  client: { familyName: string; givenNames: string; birthDate: string | null },
  mutual: boolean,
  printedOn: string,
  partners: readonly NamedPartner[] = [],
): ConsentFormFacts {
  const recorded = new Set(JSON.parse(consent.categories) as DataCategory[]);
  return {
    consentId: consent.id,
    clientName: `${client.familyName}, ${client.givenNames}`,
    birthDate: client.birthDate,
    office: consent.office as Office,
    recipients: consentRecipients(consent, partners),
    mutual,
    // In the order of the vocabulary, whatever order the record holds them in.
    categories: DATA_CATEGORIES.filter((c) => recorded.has(c)),
    purpose: consent.purpose,
    validFrom: consent.validFrom,
    validUntil: consent.validUntil,
    printedOn,
  };
}

const date = (iso: string) => isolate(germanDate(iso), 'ltr');

function officeName(office: Office): string {
  return `${OFFICE_POSTAL[office].name}, ${OFFICE_POSTAL[office].unit}`;
}

function postalAddress(office: Office): SafeHtml {
  const p = OFFICE_POSTAL[office];
  return html`<p class="address" dir="ltr"><span>${p.name}</span><span>${p.unit}</span><span>${p.street}</span><span>${p.postalCode} ${p.city}</span></p>`;
}

/** One section's content in one language; `german` marks the authoritative column (values are the same in both). */
type SectionBody = (t: ConsentFormTexts, f: ConsentFormFacts, german: boolean, chosen: ConsentFormTexts) => SafeHtml;

const SECTIONS: SectionBody[] = [
  (t, f) => html`<h2>${t.person.heading}</h2>
    <table class="facts"><tbody>
      <tr><th scope="row">${t.person.name}</th><td class="value">${isolate(f.clientName)}</td></tr>
      <tr><th scope="row">${t.person.birthDate}</th><td class="value">${f.birthDate ? date(f.birthDate) : t.person.birthDateUnknown}</td></tr>
    </tbody></table>`,
  (t, f) => html`<h2>${t.releasing.heading}</h2><p>${t.releasing.text}</p>${postalAddress(f.office)}`,
  (t, f) => html`<h2>${t.recipients.heading}</h2><p>${t.recipients.text}</p>
    <ul>${f.recipients.map((r) => html`<li><span class="value">${isolate(r.name)}</span> (${r.kind === 'office' ? t.recipients.office : t.recipients.agency})</li>`)}</ul>`,
  (t, f) => html`<h2>${t.direction.heading}</h2><p>${fill(f.mutual ? t.direction.mutual : t.direction.oneWay, { office: isolate(officeName(f.office)) })}</p>`,
  (t, f) => {
    const special = f.categories.filter((c) => (ART9_CATEGORIES as readonly DataCategory[]).includes(c));
    return html`<h2>${t.categories.heading}</h2><p>${t.categories.text}</p>
      <ul>${f.categories.map((c) => html`<li>${t.categories.labels[c]}</li>`)}</ul>
      <div class="art9"><h3>${t.art9.heading}</h3>${
        special.length
          ? html`<p>${t.art9.included}</p><ul>${special.map((c) => html`<li class="value">${t.categories.labels[c]}</li>`)}</ul>`
          : html`<p>${t.art9.none}</p>`
      }${f.categories.includes('conversation-notes') ? html`<p>${t.art9.notesHint}</p>` : null}</div>`;
  },
  (t, f, german) =>
    html`<h2>${t.purpose.heading}</h2><p>${t.purpose.text}</p><p class="value" lang="de" dir="ltr">${f.purpose}</p>${german ? null : html`<p>${t.purpose.originalNote}</p>`}`,
  (t, f) =>
    html`<h2>${t.validity.heading}</h2><p>${
      f.validUntil ? fill(t.validity.fromUntil, { from: date(f.validFrom), until: date(f.validUntil) }) : fill(t.validity.fromOpen, { from: date(f.validFrom) })
    }</p>`,
  (t) => html`<h2>${t.voluntary.heading}</h2><p>${t.voluntary.text}</p><p>${t.voluntary.refusal}</p>`,
  (t, f) => html`<h2>${t.revocation.heading}</h2><p>${t.revocation.text}</p><p>${t.revocation.address}</p>${postalAddress(f.office)}`,
  // A German-only form may still be explained in another language: the language is then written in by hand.
  (t, _f, german, chosen) =>
    html`<h2>${t.language.heading}</h2><p>${fill(t.language.explained, {
      language: chosen.meta.code === 'de' ? html`<span class="blank"></span>` : german ? chosen.meta.nameInGerman : chosen.meta.name,
    })}</p>
      <p>${t.language.interpreter}</p><span class="line"></span>`,
  (t) => html`<h2>${t.signature.heading}</h2><p>${t.signature.confirm}</p>`,
];

function column(t: ConsentFormTexts, body: SafeHtml): SafeHtml {
  return html`<div lang="${t.meta.code}" dir="${t.meta.dir}">${body}</div>`;
}

/** A signature line labelled in German and, below, in the chosen language. */
function signatureCell(key: 'placeDate' | 'client' | 'staff' | 'interpreter', de: ConsentFormTexts, other: ConsentFormTexts | null): SafeHtml {
  return html`<td><span class="line"></span><span class="label"><span lang="de">${de.signature[key]}</span>${
    other ? html`<span lang="${other.meta.code}" dir="${other.meta.dir}">${other.signature[key]}</span>` : null
  }</span></td>`;
}

/** The form's HTML for the facts in German, or German and `language` side by side. */
export function consentFormHtml(f: ConsentFormFacts, language: ConsentFormChoice): string {
  const de = consentFormTexts('de');
  const other = language === 'de' ? null : consentFormTexts(language);
  const chosen = other ?? de;
  const head = html`<header><h1>${de.title}</h1>${other ? html`<p class="lead title" lang="${other.meta.code}" dir="${other.meta.dir}">${other.title}</p>` : null}
    <p class="lead">${de.subtitle}${other ? html` · <span lang="${other.meta.code}" dir="${other.meta.dir}">${other.subtitle}</span>` : null}</p>
    <p class="lead">${de.legalBasis}</p></header>`;
  const sections = SECTIONS.map((body) =>
    other
      ? html`<section class="pair">${column(de, body(de, f, true, chosen))}${column(other, body(other, f, false, chosen))}</section>`
      : html`<section class="single">${body(de, f, true, chosen)}</section>`,
  );
  const signatures = html`<section class="signatures" aria-label="${de.signature.heading}"><table><tbody>
    <tr>${signatureCell('placeDate', de, other)}${signatureCell('client', de, other)}</tr>
    <tr>${signatureCell('staff', de, other)}${signatureCell('interpreter', de, other)}</tr>
  </tbody></table></section>`;
  const reference = { id: isolate(f.consentId.slice(0, 8), 'ltr'), date: date(f.printedOn) };
  const footer = html`<footer><p>${fill(de.footer.reference, reference)}</p>${
    other
      ? html`<p>${de.footer.authoritative}</p><p lang="${other.meta.code}" dir="${other.meta.dir}">${other.footer.authoritative} ${fill(other.footer.reference, reference)}</p>`
      : null
  }</footer>`;
  const direction: Direction = 'ltr';
  return printDocumentHtml({ title: de.title, lang: 'de', dir: direction, css: CONSENT_FORM_CSS, body: html`${head}<main>${sections}${signatures}</main>${footer}` });
}

/** The download's name: no personal data, only the date, the consent's short id and the language. */
export function consentFormFileName(consentId: string, printedOn: string, language: ConsentFormChoice): string {
  return `einwilligung-${printedOn}-${consentId.slice(0, 8)}${language === 'de' ? '' : `-${language}`}.pdf`;
}

/**
 * consents.printForm: the form of one consent, for the office that keeps the file (the guard checked that). A
 * revoked consent is not printed for signing. The audit entry names the consent, the language and the direction,
 * never a value of the form.
 */
export async function printConsentForm(ctx: ServiceContext, input: z.output<typeof consentPrintInput>): Promise<PrintDocument> {
  const consent = await ctx.tx.findOneBy(ConsentEntity, { id: input.consentId });
  if (!consent) throw new AppError('record.notFound', { entity: 'consent' });
  if (consent.revokedOn) throw new AppError('consent.alreadyRevoked');
  const client = await requireClient(ctx.tx, consent.clientId);
  const printedOn = berlinDate(ctx.now);
  const partners = await namedPartners(ctx.tx, consent);
  const htmlText = consentFormHtml(consentFormFacts(consent, client, input.mutual, printedOn, partners), input.language);
  if (Buffer.byteLength(htmlText, 'utf8') > MAX_PRINT_HTML_BYTES) throw new AppError('validation.invalid', { issues: [{ path: 'consentId', code: 'too_large' }] });
  ctx.audit.entityIds.push(client.id);
  ctx.audit.fields.push('print:consent-form', `consent:${consent.id}`, `language:${input.language}`, `mutual:${input.mutual ? 'yes' : 'no'}`);
  return { clientId: client.id, fileName: consentFormFileName(consent.id, printedOn, input.language), html: htmlText };
}
