import type { z } from 'zod';
import { berlinDate } from '../../contract/dates';
import { AppError } from '../../contract/errors';
import { OFFICE_POSTAL } from '../../contract/offices';
import type { conferencePrintInput } from '../../contract/schemas/conference-schemas';
import { MAX_PRINT_HTML_BYTES, type PrintDocument } from '../../contract/types/print-types';
import { fill, germanDate, html, printDocumentHtml } from '../../platform/print/print-html';
import { languageName, printLabels } from '../../platform/print/print-labels';
import { SHEET_CSS } from '../../platform/print/sheet-style';
import type { ClientDataContext } from '../access/call-access';
import { gatherMinutesContent, type MinutesContent } from './conference-minutes';
import { minutesTexts } from './minutes-texts';

/**
 * The minutes of a case conference (Protokoll der Fallkonferenz) as a print document, one per recipient: what
 * gatherMinutesContent released to that partner (or, for our own file, everything the printing user reads). This
 * module only words it; every fixed word comes from the reviewed template file. German only.
 */

const row = (label: string, value: string) => html`<tr><th scope="row">${label}</th><td class="value">${value}</td></tr>`;

/** The minutes' HTML for the gathered content, printed on `printedOn`. */
export function minutesHtml(m: MinutesContent, printedOn: string): string {
  const t = minutesTexts();
  const l = printLabels();
  const office = OFFICE_POSTAL[m.office];
  const head = html`<header><h1>${t.title}</h1><p class="lead">${t.subtitle}</p><p class="recipient">${
    m.recipient ? fill(t.for, { recipient: m.recipient.name }) : t.forOwnFile
  }</p></header>`;
  const meeting = html`<section class="keep"><h2>${t.meeting.heading}</h2><table class="facts"><tbody>
    ${row(t.meeting.date, germanDate(m.heldOn))}${m.heldAt ? row(t.meeting.time, m.heldAt) : null}
    ${row(t.meeting.office, `${office.name}, ${office.unit}`)}
    ${row(t.meeting.person, m.clientName ?? t.meeting.personWithheld)}
    ${row(t.meeting.clientPresent, m.clientPresent ? t.meeting.present : t.meeting.absent)}
    ${row(t.meeting.interpreter, m.interpreterLanguage ? languageName(m.interpreterLanguage) : t.meeting.noInterpreter)}
  </tbody></table></section>`;
  const participants = html`<section class="keep"><h2>${t.participants.heading}</h2><table class="data"><thead><tr><th scope="col">${t.participants.name}</th><th scope="col">${t.participants.contact}</th><th scope="col">${t.participants.role}</th></tr></thead><tbody>${m.participants.map(
    (p) => html`<tr><td>${p.name}</td><td>${p.contactName ?? ''}</td><td>${p.role ?? ''}</td></tr>`,
  )}</tbody></table></section>`;
  const released = m.recipient
    ? html`<section class="keep"><h2>${t.released.heading}</h2>${
        m.categories.length
          ? html`<p>${t.released.text}</p><ul>${m.categories.map((c) => html`<li>${l.categories[c]}</li>`)}</ul>`
          : html`<p class="box">${t.released.none}</p>`
      }</section>`
    : null;
  const situations = html`<section><h2>${t.situations.heading}</h2>${
    m.situations.length
      ? html`<table class="data"><thead><tr><th scope="col">${t.situations.area}</th><th scope="col">${t.situations.text}</th></tr></thead><tbody>${m.situations.map(
          (s) => html`<tr><td>${l.lifeAreas[s.area]}</td><td class="pre">${s.text}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${t.situations.empty}</p>`
  }</section>`;
  const results = m.results ? html`<section><h2>${t.results.heading}</h2><p class="pre">${m.results}</p></section>` : null;
  const actions = html`<section><h2>${t.actions.heading}</h2>${
    m.actions.length
      ? html`<table class="data"><thead><tr><th scope="col">${t.actions.who}</th><th scope="col">${t.actions.what}</th><th scope="col">${t.actions.due}</th><th scope="col">${t.actions.state}</th></tr></thead><tbody>${m.actions.map(
          (a) => html`<tr><td>${a.whoName}</td><td>${a.what}</td><td>${germanDate(a.dueDate)}</td><td>${a.done ? t.actions.done : t.actions.open}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${t.actions.empty}</p>`
  }</section>`;
  const next = html`<section class="keep"><h2>${t.next.heading}</h2><p>${m.nextOn ? germanDate(m.nextOn) : t.next.none}</p><p>${t.confidential}</p></section>`;
  const footer = html`<footer><p>${fill(t.footer.reference, { id: m.conferenceId.slice(0, 8), date: germanDate(printedOn) })}</p></footer>`;
  return printDocumentHtml({
    title: t.title,
    lang: 'de',
    dir: 'ltr',
    css: SHEET_CSS,
    body: html`${head}<main>${meeting}${participants}${released}${situations}${results}${actions}${next}</main>${footer}`,
  });
}

/** The download's name: kind, date, the conference's short id and the recipient's (or "akte"), no personal data. */
export function minutesFileName(conferenceId: string, partnerId: string | null, printedOn: string): string {
  return `protokoll-fallkonferenz-${printedOn}-${conferenceId.slice(0, 8)}-${partnerId ? partnerId.slice(0, 8) : 'akte'}.pdf`;
}

/**
 * conferences.printMinutes: the minutes for one partner that took part, or (partnerId null) for our own file;
 * only the keeping office prints (the guard and gatherMinutesContent check it). The audit entry names the
 * conference, the recipient and the categories printed, never a value.
 */
export async function printMinutes(ctx: ClientDataContext, input: z.output<typeof conferencePrintInput>): Promise<PrintDocument> {
  const content = await gatherMinutesContent(ctx, input.conferenceId, input.partnerId);
  const printedOn = berlinDate(ctx.now);
  const htmlText = minutesHtml(content, printedOn);
  if (Buffer.byteLength(htmlText, 'utf8') > MAX_PRINT_HTML_BYTES) throw new AppError('validation.invalid', { issues: [{ path: 'conferenceId', code: 'too_large' }] });
  const [c] = (await ctx.tx.query('SELECT client_id FROM case_conference WHERE id = ?', [input.conferenceId])) as { client_id: string }[];
  ctx.audit.entityIds.push(input.conferenceId, c!.client_id);
  ctx.audit.fields.push('print:conference-minutes', `recipient:${input.partnerId ?? 'own-file'}`, ...content.categories.map((k) => `category:${k}`));
  return { clientId: c!.client_id, fileName: minutesFileName(input.conferenceId, input.partnerId, printedOn), html: htmlText };
}
