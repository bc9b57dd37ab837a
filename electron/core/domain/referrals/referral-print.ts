import { berlinDate } from '../../contract/dates';
import { DATA_CATEGORIES, LIFE_AREA_DATA_CATEGORY, type DataCategory } from '../../contract/data-categories';
import type { ReferralUrgency } from '../../contract/referral-domain';
import type { ReferralPrintData, ReferralPrintSection } from '../../contract/types/referral-types';
import type { ReferralState } from '../../contract/referral-domain';
import type { Office } from '../../contract/offices';
import { AppError } from '../../contract/errors';
import { germanDate } from '../../platform/print/print-html';
import { languageName, nationalityName, printLabels } from '../../platform/print/print-labels';
import type { CaseDetail, ClientDetail } from '../../contract/types/client-types';
import { accessTo, type ClientDataContext } from '../access/call-access';
import { readCase } from '../cases/case-service';
import { loadClientDetail } from '../client-file/client-detail';
import { checkConsentGate, consentsNamingPartners } from './consent-gate';
import { categoriesOf, requireReferral, seesReferral } from './referral-queries';
import { AccessDenied } from '../access/access-denied';

const list = (values: readonly string[] | undefined) => (values?.length ? values.join(', ') : null);

/**
 * The file's data of one category as the Überleitungsbogen prints it: the client file's fields of it (worded in
 * German), the assessment and Hilfeplan goals of the life areas in it, and, only for
 * "conversation-notes", the notes the office shares. Health has no field of the file: only its life area's work.
 */
function section(category: DataCategory, client: ClientDetail, k: CaseDetail): ReferralPrintSection {
  const inCategory = (area: keyof typeof LIFE_AREA_DATA_CATEGORY) => LIFE_AREA_DATA_CATEGORY[area] === category;
  const labels = printLabels();
  const fields: Record<string, string | null> = {};
  if (category === 'master') {
    Object.assign(fields, {
      street: client.street ?? null,
      postalCode: client.postalCode ?? null,
      city: client.city ?? null,
      phone: client.phone ?? null,
      email: client.email ?? null,
      nationalities: list(client.nationalities?.map(nationalityName)),
      languages: list(client.languages?.map((l) => languageName(l.code))),
      interpreter: list(client.languages?.filter((l) => l.interpreterNeeded).map((l) => languageName(l.code))),
    });
  } else if (category === 'residence') {
    Object.assign(fields, {
      residenceType: client.currentResidence ? labels.residenceTypes[client.currentResidence.type] : null,
      legalBasis: client.currentResidence?.legalBasis ?? null,
      validUntil: client.currentResidence?.validUntil ? germanDate(client.currentResidence.validUntil) : null,
    });
  } else if (category === 'family') {
    fields.household = list(client.household?.map((h) => `${h.name} (${labels.relations[h.relation]}${h.birthYear ? `, ${h.birthYear}` : ''})`));
  }
  return {
    fields,
    assessment: k.assessment.filter((a) => inCategory(a.area)).map((a) => ({ area: a.area, need: a.need, note: a.note })),
    goals: k.goals.filter((g) => inCategory(g.area)).map((g) => ({ area: g.area, title: g.title, status: g.status })),
    notes: category === 'conversation-notes' ? (k.notes ?? []).filter((n) => !n.internal).map((n) => ({ occurredOn: n.occurredOn, text: n.text })) : [],
  };
}

/**
 * What the Überleitungsbogen of a referral may contain: exactly the categories the referral carries that consents
 * in force today name for its partner (a category whose consent was revoked since sending is left out), each with
 * the file's data of it. Reading it is a read of the client file and the case (audited by the calling method);
 * the caller must see every category of the referral. The print pipeline turns this into the PDF.
 */
export async function referralPrintData(ctx: ClientDataContext, referralId: string): Promise<ReferralPrintData> {
  const r = await requireReferral(ctx.tx, referralId);
  const access = await accessTo(ctx, r.clientId);
  const sent = categoriesOf(r);
  if (!access.owner || !seesReferral(access, sent)) throw new AccessDenied(access.owner ? 'roleCategory' : 'scope', { entity: 'client', entityId: r.clientId, fields: [`referral:${r.id}`] });
  // A draft has not left the office: there is nothing handed over to print yet.
  if (r.state === 'draft') throw new AppError('referral.notSent');
  const today = berlinDate(ctx.now);
  const consents = await consentsNamingPartners(ctx.tx, r.clientId);
  const consented = sent.filter((c) => checkConsentGate(consents, r.partnerId, [c], today).ok);
  const client = await loadClientDetail(ctx, r.clientId);
  const k = await readCase(ctx, r.caseId);
  const [partner] = (await ctx.tx.query(
    `SELECT p.name AS partner_name, p.street, p.postal_code, p.city, c.name AS contact_name, c.function AS contact_role, c.phone AS contact_phone, c.email AS contact_email
     FROM partner p LEFT JOIN partner_contact c ON c.id = ? WHERE p.id = ?`,
    [r.contactId, r.partnerId],
  )) as {
    partner_name: string;
    street: string | null;
    postal_code: string | null;
    city: string | null;
    contact_name: string | null;
    contact_role: string | null;
    contact_phone: string | null;
    contact_email: string | null;
  }[];
  const [owner] = (await ctx.tx.query('SELECT office FROM client WHERE id = ?', [r.clientId])) as { office: Office }[];
  const gate = checkConsentGate(consents, r.partnerId, consented, today);
  const reliedOn = new Set(gate.ok ? gate.consentIds : []);
  const printed = DATA_CATEGORIES.filter((c) => consented.includes(c));
  ctx.audit.fields.push(...printed.map((c) => `category:${c}`));
  return {
    referralId: r.id,
    state: r.state as ReferralState,
    office: owner!.office,
    partner: { name: partner?.partner_name ?? '', street: partner?.street ?? null, postalCode: partner?.postal_code ?? null, city: partner?.city ?? null },
    contact: partner?.contact_name
      ? { name: partner.contact_name, role: partner.contact_role, phone: partner.contact_phone, email: partner.contact_email }
      : null,
    partnerName: partner?.partner_name ?? '',
    contactName: partner?.contact_name ?? null,
    request: r.request,
    urgency: r.urgency as ReferralUrgency,
    sentOn: r.sentOn,
    feedbackDue: r.feedbackDue,
    consents: consents.filter((c) => reliedOn.has(c.id)).map((c) => ({ id: c.id, validFrom: c.validFrom, validUntil: c.validUntil })),
    categories: printed,
    client: printed.includes('master') ? { familyName: client.familyName, givenNames: client.givenNames, birthDate: client.birthDate } : null,
    sections: Object.fromEntries(printed.map((c) => [c, section(c, client, k)])),
  };
}
