import type { ConsentView } from '../../contract/types/access-types';
import type { CaseDetail, ClientDetail, ClientSummary, SearchHit } from '../../contract/types/client-types';
import {
  CASE_DETAIL_FIELDS,
  CLIENT_DETAIL_FIELDS,
  CLIENT_SUMMARY_FIELDS,
  SEARCH_HIT_FIELDS,
  type FieldMap,
  type FieldRule,
} from '../../contract/response-fields';
import { accessView, type ClientAccess } from './access-policy';

/**
 * Cuts responses to what the caller may see, by picking the fields the response's field map
 * (contract/response-fields.ts) allows: a field of a category the caller may not see is absent (not blanked),
 * list entries of such categories are left out, and a field the map does not name never leaves core.
 */

/** Whether a caller with access `a` to a client file passes `rule` (no access at all passes nothing). */
export function passes(a: ClientAccess, rule: FieldRule): boolean {
  if (a.categories.size === 0) return false;
  if (rule === 'always') return true;
  if (rule === 'owner') return a.owner;
  return a.categories.has(rule);
}

interface Spec {
  rule: FieldRule;
  entry?: (e: never) => FieldRule;
  client?: (e: never) => string;
  fields?: Record<string, unknown>;
}

const HIDDEN = Symbol('hidden');

/** Access of the caller to a client file by id; undefined when the response is not about one file. */
type AccessOf = (clientId: string) => ClientAccess | undefined;

function asSpec(spec: unknown): Spec {
  return typeof spec === 'string' ? { rule: spec as FieldRule } : (spec as Spec);
}

function pickEntry(e: unknown, spec: Spec, a: ClientAccess | undefined, accessOf: AccessOf): unknown {
  const access = spec.client ? accessOf((spec.client as (x: unknown) => string)(e)) : a;
  if (!access) return HIDDEN;
  if (spec.client && !passes(access, 'always')) return HIDDEN;
  if (spec.entry && !passes(access, (spec.entry as (x: unknown) => FieldRule)(e))) return HIDDEN;
  return spec.fields && e !== null ? pickObject(e as Record<string, unknown>, spec.fields, access, accessOf) : e;
}

function pickValue(v: unknown, spec: Spec, a: ClientAccess | undefined, accessOf: AccessOf): unknown {
  // A response about no file in particular passes only 'always' until an entry names its file.
  if (a ? !passes(a, spec.rule) : spec.rule !== 'always') return HIDDEN;
  if (v === null || v === undefined) return v;
  if (Array.isArray(v)) return v.map((e) => pickEntry(e, spec, a, accessOf)).filter((e) => e !== HIDDEN);
  return pickEntry(v, spec, a, accessOf);
}

function pickObject(value: Record<string, unknown>, fields: Record<string, unknown>, a: ClientAccess | undefined, accessOf: AccessOf): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    if (value[key] === undefined) continue;
    const picked = pickValue(value[key], asSpec(fields[key]), a, accessOf);
    if (picked !== HIDDEN) out[key] = picked;
  }
  return out;
}

/** The fields of `value` that `fields` allows a caller with access `a` to this client file. */
export function pickFields<T extends object>(value: T, fields: FieldMap<T>, a: ClientAccess): T {
  return pickObject(value as Record<string, unknown>, fields, a, () => undefined) as T;
}

/** Rows of several client files, each cut by the caller's access to its own file; rows of files it may not see are dropped. */
export function pickRows<T extends { id: string }>(rows: T[], fields: FieldMap<T>, accesses: ReadonlyMap<string, ClientAccess>): T[] {
  return rows.flatMap((r) => {
    const a = accesses.get(r.id);
    return a && passes(a, 'always') ? [pickFields(r, fields, a)] : [];
  });
}

/** List rows (clients.list, work overview), each by the caller's access to its file. */
export function pickSummaries(rows: ClientSummary[], accesses: ReadonlyMap<string, ClientAccess>): ClientSummary[] {
  return pickRows(rows, CLIENT_SUMMARY_FIELDS, accesses);
}

/** Search and duplicate hits, each by the caller's access to its file, with score and matched names. */
export function pickSearchHits(rows: SearchHit[], accesses: ReadonlyMap<string, ClientAccess>): SearchHit[] {
  return pickRows(rows, SEARCH_HIT_FIELDS, accesses);
}

type FullClientDetail = Omit<ClientDetail, 'access' | 'consents'>;

/** The client screen as the caller may see it, with the consents it may see and its own access. */
export function shapeClientDetail(d: FullClientDetail, a: ClientAccess, consents: ConsentView[]): ClientDetail {
  return pickFields<ClientDetail>({ ...d, consents, access: accessView(a) }, CLIENT_DETAIL_FIELDS, a);
}

/** The case screen as the caller may see it, with its own access. */
export function shapeCaseDetail(d: Omit<CaseDetail, 'access'>, a: ClientAccess): CaseDetail {
  return pickFields<CaseDetail>({ ...d, access: accessView(a) }, CASE_DETAIL_FIELDS, a);
}
