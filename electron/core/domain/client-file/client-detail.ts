import type { Gender, HouseholdRelation, ResidenceType } from '../../contract/case-domain';
import { berlinDate } from '../../contract/dates';
import type { ClientDetail, HouseholdMemberView, ResidenceStatusView } from '../../contract/types/client-types';
import { accessTo, type ClientDataContext } from '../access/call-access';
import { shapeClientDetail } from '../access/redaction';
import { listCaseSummaries } from '../cases/case-queries';
import { HouseholdMemberEntity, ResidenceStatusEntity, type ResidenceStatus } from '../clients/client-entities';
import { requireClient } from '../clients/client-service';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from '../clients/client-summaries';
import { listConsentViews } from '../consent/consent-service';
import { listDocuments } from '../documents/document-service';

/**
 * The client file as one view: master data, household, residence history, documents, cases and consents, from
 * their areas, cut to what the caller may see. Above those areas, so none of them needs another to show itself.
 */

/** Everything the client screen shows, in one call, cut to what the caller may see (access/redaction.ts). */
export async function loadClientDetail(ctx: ClientDataContext, id: string): Promise<ClientDetail> {
  const { tx } = ctx;
  const today = berlinDate(ctx.now);
  const client = await requireClient(tx, id);
  const access = await accessTo(ctx, id);
  const [row] = (await tx.query(`${SUMMARY_SELECT} WHERE c.id = ?`, [id])) as SummaryRow[];
  const household = await tx.find(HouseholdMemberEntity, { where: { clientId: id }, order: { createdAt: 'ASC' } });
  const residence = await tx.find(ResidenceStatusEntity, { where: { clientId: id }, order: { validFrom: 'DESC', createdAt: 'DESC' } });
  if (!ctx.audit.entityIds.includes(id)) ctx.audit.entityIds.push(id);
  // A read through a consent records which categories were disclosed.
  if (!access.owner) ctx.audit.fields.push(...[...access.categories].map((c) => `category:${c}`));
  const full = {
    ...toSummary(row!, today),
    alternativeNames: JSON.parse(client.alternativeNames) as string[],
    gender: client.gender as Gender,
    languages: JSON.parse(client.languages) as NonNullable<ClientDetail['languages']>,
    arrivalDate: client.arrivalDate,
    street: client.street,
    postalCode: client.postalCode,
    city: client.city,
    phone: client.phone,
    email: client.email,
    version: client.version,
    createdAt: client.createdAt,
    household: household.map(
      (h): HouseholdMemberView => ({ id: h.id, name: h.name, relation: h.relation as HouseholdRelation, birthYear: h.birthYear }),
    ),
    residenceHistory: residence.map(toResidenceView),
    documents: await listDocuments(tx, ctx.fields, { clientId: id }),
    cases: await listCaseSummaries(tx, id),
  };
  return shapeClientDetail(full, access, await listConsentViews(tx, id, access, ctx.user.office, today));
}

function toResidenceView(r: ResidenceStatus): ResidenceStatusView {
  return {
    id: r.id,
    type: r.type as ResidenceType,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    createdAt: r.createdAt,
  };
}
