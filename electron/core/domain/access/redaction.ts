import type { ConsentView } from '../../contract/types/access-types';
import type { CaseDetail, ClientDetail, ClientSummary, DocumentView } from '../../contract/types/client-types';
import { DOCUMENT_DATA_CATEGORY, LIFE_AREA_DATA_CATEGORY, type DataCategory } from '../../contract/data-categories';
import { accessView, type ClientAccess } from './access-policy';

/**
 * Cuts responses to what the caller may see: the fields of a category it may not see are removed from the object
 * (absent, not blanked), entries of such categories are left out of lists.
 */

const MASTER_FIELDS = ['gender', 'languages', 'arrivalDate', 'street', 'postalCode', 'city', 'phone', 'email'] as const;

function without<T extends object>(value: T, keys: readonly string[]): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy as T;
}

export function visibleDocuments(docs: DocumentView[], a: ClientAccess): DocumentView[] {
  return docs.filter((d) => {
    const category = DOCUMENT_DATA_CATEGORY[d.category];
    return category === null ? a.owner : a.categories.has(category);
  });
}

export function shapeSummary<T extends ClientSummary>(s: T, a: ClientAccess): T {
  const hidden: string[] = [];
  if (!a.categories.has('master')) hidden.push('nationalities');
  if (!a.categories.has('residence')) hidden.push('currentResidence');
  return hidden.length ? without(s, hidden) : s;
}

type FullClientDetail = Omit<ClientDetail, 'access' | 'consents'>;

export function shapeClientDetail(d: FullClientDetail, a: ClientAccess, consents: ConsentView[]): ClientDetail {
  const has = (c: DataCategory) => a.categories.has(c);
  const hidden: string[] = [];
  if (!has('master')) hidden.push('nationalities', ...MASTER_FIELDS);
  if (!has('residence')) hidden.push('currentResidence', 'residenceHistory');
  if (!has('family')) hidden.push('household');
  return { ...without(d, hidden), documents: visibleDocuments(d.documents, a), consents, access: accessView(a) };
}

export function shapeCaseDetail(d: Omit<CaseDetail, 'access'>, a: ClientAccess): CaseDetail {
  const has = (c: DataCategory) => a.categories.has(c);
  const notes = has('conversation-notes');
  return {
    ...d,
    assessment: d.assessment.filter((x) => has(LIFE_AREA_DATA_CATEGORY[x.area])),
    goals: d.goals.filter((g) => has(LIFE_AREA_DATA_CATEGORY[g.area])),
    // "intern" notes never leave the office that wrote them.
    notes: notes ? d.notes.filter((n) => a.owner || !n.internal) : [],
    followUps: a.owner ? d.followUps : [],
    documents: visibleDocuments(d.documents, a),
    closure: d.closure && { reason: d.closure.reason, summary: a.owner && notes ? d.closure.summary : null },
    access: accessView(a),
  };
}
