import type { DataCategory } from '../../contract/data-categories';
import type { CaseDetail } from '../../contract/types/client-types';
import { fill, html, isolate, type Interpolation, type SafeHtml } from '../../platform/print/print-html';
import { languageName, nationalityName, printLabels } from '../../platform/print/print-labels';
import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import { consentStatus } from '../consent/consent-service';
import { date, day } from './report-document';
import { recordLabels } from './report-texts';
import type { SubjectRecords } from './subject-records';

/**
 * The copy of the stored data (Art. 15(3) DSGVO) in German, as stored: every record of the person, in the order
 * of the file. Values the writing account cannot decrypt (no category key) are marked, never printed empty.
 */

type Row = [label: string, value: Interpolation];

function facts(rows: Row[]): SafeHtml {
  const l = recordLabels();
  return html`<table class="facts"><tbody>${rows.map(
    ([label, value]) => html`<tr><th scope="row">${label}</th><td class="value">${value === null || value === undefined || value === '' ? l.notRecorded : value}</td></tr>`,
  )}</tbody></table>`;
}

function table(headers: string[], rows: Interpolation[][]): SafeHtml {
  return html`<table class="data"><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`,
  )}</tbody></table>`;
}

const officeName = (o: string) => (o in OFFICE_POSTAL ? `${OFFICE_POSTAL[o as Office].name}, ${OFFICE_POSTAL[o as Office].unit}` : o);

/**
 * A protected value: the text, or the "withheld" mark when the writer holds no key for its category (the value is
 * then blank, while null still means nothing was recorded).
 */
function protectedText(value: string | null | undefined, category: DataCategory, withheld: ReadonlySet<DataCategory>): Interpolation {
  if (value === null || value === undefined) return null;
  if (withheld.has(category)) return html`<span class="withheld">${recordLabels().withheld}</span>`;
  return value ? html`<span class="pre">${value}</span>` : null;
}

function personSection(r: SubjectRecords): SafeHtml {
  const l = recordLabels().person;
  const c = r.client;
  const languages = JSON.parse(c.languages) as { code: string; interpreterNeeded: boolean }[];
  const alternative = JSON.parse(c.alternativeNames) as string[];
  const address = [c.street, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return html`<section><h3>${l.heading}</h3>${facts([
    [l.name, isolate(`${c.familyName}, ${c.givenNames}`)],
    [l.alternativeNames, alternative.join('; ')],
    [l.birthDate, c.birthDate ? html`${date(c.birthDate)}${c.birthDatePlaceholder ? ` (${l.birthDateEstimated})` : ''}` : null],
    [l.gender, recordLabels().vocabulary.genders[c.gender as 'unknown'] ?? c.gender],
    [l.nationalities, (JSON.parse(c.nationalities) as string[]).map(nationalityName).join(', ')],
    [l.languages, languages.map((x) => `${languageName(x.code)}${x.interpreterNeeded ? ` (${l.interpreter})` : ''}`).join(', ')],
    [l.arrivalDate, date(c.arrivalDate)],
    [l.address, address],
    [l.phone, c.phone],
    [l.email, c.email],
    [l.createdAt, day(c.createdAt)],
    [l.office, officeName(c.office)],
  ])}</section>`;
}

function residenceSection(r: SubjectRecords): SafeHtml | null {
  if (!r.residence.length) return null;
  const l = recordLabels().residence;
  const types = printLabels().residenceTypes;
  return html`<section><h3>${l.heading}</h3>${table(
    [l.type, l.legalBasis, l.validFrom, l.validUntil],
    r.residence.map((s) => [types[s.type as 'duldung'] ?? s.type, s.legalBasis, date(s.validFrom), date(s.validUntil)]),
  )}</section>`;
}

function householdSections(r: SubjectRecords): SafeHtml {
  const relations = printLabels().relations;
  const h = recordLabels().household;
  const m = recordLabels().mentions;
  const own = r.household.length
    ? html`<section><h3>${h.heading}</h3>${table(
        [h.name, h.relation, h.birthYear],
        r.household.map((x) => [isolate(x.name), relations[x.relation as 'child'] ?? x.relation, x.birthYear === null ? null : String(x.birthYear)]),
      )}</section>`
    : null;
  const mentions = r.mentions.length
    ? html`<section><h3>${m.heading}</h3><p>${m.text}</p>${table(
        [m.relation, m.birthYear, m.office, m.createdAt],
        r.mentions.map((x) => [relations[x.relation as 'child'] ?? x.relation, x.birthYear === null ? null : String(x.birthYear), officeName(x.office), day(x.createdAt)]),
      )}</section>`
    : null;
  return html`${own}${mentions}`;
}

function caseSection(k: Omit<CaseDetail, 'access'>, r: SubjectRecords, withheld: ReadonlySet<DataCategory>): SafeHtml {
  const l = recordLabels().cases;
  const v = recordLabels().vocabulary;
  const p = printLabels();
  const plain = (area: string, value: string | null) => (area === 'health' ? protectedText(value, 'health', withheld) : value);
  const referrals = r.referrals.filter((x) => x.caseId === k.id);
  const conferences = r.conferences.filter((c) => c.caseId === k.id);
  return html`<section><h3>${fill(l.case, { opened: date(k.openedOn) })}</h3>${facts([
    [l.openedOn, date(k.openedOn)],
    [l.closedOn, k.closedOn ? date(k.closedOn) : l.stillOpen],
    [l.phase, v.phases[k.phase]],
    [l.caseManager, k.caseManagerName ? isolate(k.caseManagerName) : null],
    [l.rechtskreise, k.rechtskreise.map((x) => v.rechtskreise[x]).join(', ')],
  ])}
  ${k.phaseHistory?.length ? html`<h4>${l.phaseHistory}</h4>${table([l.phase, l.date, l.changedBy], k.phaseHistory.map((e) => [v.phases[e.phase], date(e.on), isolate(e.byName)]))}` : null}
  ${k.assessment.length ? html`<h4>${l.assessment}</h4>${table([l.area, l.need, l.note], k.assessment.map((a) => [p.lifeAreas[a.area], p.needLevels[a.need], plain(a.area, a.note)]))}` : null}
  ${k.goals.length
    ? html`<h4>${l.goals}</h4>${k.goals.map(
        (g) => html`<p><span class="value">${l.goal}: ${plain(g.area, g.title)}</span> (${p.lifeAreas[g.area]}, ${p.goalStatuses[g.status]})${
          g.outcomeNote !== null ? html` · ${l.outcome}: ${plain(g.area, g.outcomeNote)}` : null
        }</p>${g.measures.length ? table([l.measure, l.owner, l.dueDate, l.status], g.measures.map((x) => [plain(g.area, x.title), x.owner, date(x.dueDate), v.measureStatuses[x.status]])) : null}`,
      )}`
    : null}
  ${k.notes?.length
    ? html`<h4>${l.notes}</h4>${table(
        [l.date, l.kind, l.author, l.text],
        k.notes.map((n) => [
          date(n.occurredOn),
          html`${v.noteKinds[n.kind]}${n.internal ? ` (${l.internal})` : ''}`,
          isolate(n.authorName),
          html`${n.participants !== null ? html`${l.participants}: ${protectedText(n.participants, 'conversation-notes', withheld)}<br>` : null}${protectedText(n.text, 'conversation-notes', withheld)}`,
        ]),
      )}`
    : null}
  ${k.followUps?.length ? html`<h4>${l.followUps}</h4>${table([l.title, l.dueDate, l.done], k.followUps.map((f) => [f.title, date(f.dueDate), f.doneAt ? day(f.doneAt) : l.none]))}` : null}
  ${k.closure ? html`<h4>${l.closure}</h4>${facts([[l.reason, v.closureReasons[k.closure.reason]], [l.summary, protectedText(k.closure.summary, 'conversation-notes', withheld)]])}` : null}
  ${referrals.length ? referralTable(referrals) : null}
  ${conferences.map((c) => conferenceBlock(c, withheld))}</section>`;
}

function referralTable(referrals: SubjectRecords['referrals']): SafeHtml {
  const l = recordLabels().referrals;
  const v = recordLabels().vocabulary;
  const cats = printLabels().categories;
  return html`<h4>${l.heading}</h4>${table(
    [l.partner, l.request, l.categories, l.state, l.sentOn],
    referrals.map((x) => [
      isolate(x.partnerName),
      html`<span class="pre">${x.request}</span>`,
      x.categories.map((c) => cats[c as DataCategory] ?? c).join(', '),
      v.referralStates[x.state as 'sent'] ?? x.state,
      x.sentOn ? date(x.sentOn) : null,
    ]),
  )}`;
}

function conferenceBlock(c: SubjectRecords['conferences'][number], withheld: ReadonlySet<DataCategory>): SafeHtml {
  const l = recordLabels().conferences;
  const p = printLabels();
  return html`<h4>${fill(l.conference, { date: date(c.heldOn) })}${c.heldAt ? `, ${c.heldAt}` : ''}</h4>${facts([
    [l.clientPresent, c.clientPresent ? l.yes : l.no],
    [l.participants, (c.participants ?? []).map((x) => `${x.name}${x.contactName ? ` (${x.contactName})` : ''}${x.role ? `: ${x.role}` : ''}`).join('; ')],
    ...c.situations.map((s): Row => [`${l.situation}: ${p.lifeAreas[s.area]}`, s.area === 'health' ? protectedText(s.text, 'health', withheld) : html`<span class="pre">${s.text}</span>`]),
    [l.results, protectedText(c.results, 'conversation-notes', withheld)],
    [l.nextOn, date(c.nextOn)],
  ])}${c.actions?.length ? table([l.who, l.what, l.by], c.actions.map((a) => [isolate(a.whoName), a.area === 'health' ? protectedText(a.what, 'health', withheld) : a.what, date(a.dueDate)])) : null}`;
}

function documentSection(r: SubjectRecords, withheld: ReadonlySet<DataCategory>): SafeHtml | null {
  if (!r.documents.length) return null;
  const l = recordLabels().documents;
  const v = recordLabels().vocabulary;
  return html`<section><h3>${l.heading}</h3>${table(
    [l.name, l.category, l.date],
    r.documents.map((d) => [d.category === 'medical' ? protectedText(d.fileName, 'health', withheld) : isolate(d.fileName), v.documentCategories[d.category], day(d.createdAt)]),
  )}</section>`;
}

function consentSection(r: SubjectRecords, today: string): SafeHtml | null {
  if (!r.consents.length) return null;
  const l = recordLabels().consents;
  const v = recordLabels().vocabulary;
  const cats = printLabels().categories;
  return html`<section><h3>${l.heading}</h3>${r.consents.map(({ consent, recipients }) =>
    facts([
      [l.validity, consent.validUntil ? fill(l.fromUntil, { from: date(consent.validFrom), until: date(consent.validUntil) }) : fill(l.from, { from: date(consent.validFrom) })],
      [l.status, v.consentStatuses[consentStatus(consent, today)]],
      [l.recipients, recipients.map((x) => x.name).join('; ')],
      [l.categories, (JSON.parse(consent.categories) as DataCategory[]).map((c) => cats[c]).join(', ')],
      [l.purpose, consent.purpose],
      [l.form, consent.form === 'written' ? l.written : l.oral],
      ...(consent.revokedOn ? [[l.revokedOn, date(consent.revokedOn)] as Row] : []),
    ]),
  )}</section>`;
}

/** The whole copy, in the order of the file. */
export function reportCopyHtml(r: SubjectRecords, withheld: ReadonlySet<DataCategory>, today: string): SafeHtml {
  const l = recordLabels().cases;
  return html`${personSection(r)}${residenceSection(r)}${householdSections(r)}${
    r.cases.length ? html`<section><h3>${l.heading}</h3></section>${r.cases.map((k) => caseSection(k, r, withheld))}` : null
  }${documentSection(r, withheld)}${consentSection(r, today)}`;
}
