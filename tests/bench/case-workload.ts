import { jaroWinkler, nameSkeleton, nameTokens, soundForm } from '../../electron/core/domain/clients/name-normalisation';
import { variantsOf } from '../demo-data/generate/names-by-origin';
import { Rng } from '../demo-data/generate/prng';
import { CASE_PHASES, type CasePhase } from '../../electron/core/contract/case-domain';
import type { SqliteDatabase } from '../../electron/core/platform/vault/sqlcipher';

/** The requests of the case benchmark, drawn once (seeded) from the generated vault, then replayed everywhere. */
export interface SearchQuery {
  query: string;
  /** The client the query was made from: a variant query should find it. */
  targetId: string;
  kind: 'exact' | 'variant' | 'family-variant' | 'birth-date' | 'name-and-year';
}

export interface ListRequest {
  office?: string;
  phase?: CasePhase;
  caseManagerId?: string;
  expiringOnly?: boolean;
  sort: 'name' | 'birthDate' | 'statusExpiry' | 'updated';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface CaseWorkload {
  searches: SearchQuery[];
  /** [client id, its latest case id] */
  opens: [string, string][];
  lists: ListRequest[];
  /** Open cases to add notes to. */
  noteCases: string[];
}

interface ClientRow {
  id: string;
  family_name: string;
  given_names: string;
  birth_date: string | null;
  case_id: string;
}

/** Another spelling that clients.search promises to treat as the same name (same skeleton, similar sound). */
function toleratedVariant(rng: Rng, name: string): string {
  const token = nameTokens(name).join('');
  const options = variantsOf(name).filter((v) => {
    const t = nameTokens(v).join('');
    return v !== name && nameSkeleton(t) === nameSkeleton(token) && jaroWinkler(soundForm(t), soundForm(token)) >= 0.8;
  });
  return options.length ? rng.pick(options) : name;
}

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * `office` is the measuring user's: searches, client screens and notes are about its own clients (another office's
 * file needs a consent, which demo data does not give). List pages cover all clients.
 */
export function drawWorkload(db: SqliteDatabase, caseManagerIds: string[], per: number, office: string): CaseWorkload {
  const rng = new Rng(20261125);
  const clients = db
    .prepare(
      `SELECT c.id, c.family_name, c.given_names, c.birth_date,
              (SELECT k.id FROM kim_case k WHERE k.client_id = c.id ORDER BY k.opened_on DESC LIMIT 1) AS case_id
       FROM client c WHERE c.office = ?`,
    )
    .all(office) as ClientRow[];
  const { listed } = db.prepare('SELECT count(*) AS listed FROM client').get() as { listed: number };
  const sample = () => rng.pick(clients);
  const searches: SearchQuery[] = [];
  const firstGiven = (c: ClientRow) => c.given_names.split(' ')[0]!;
  for (let i = 0; i < per / 4; i++) {
    const c = sample();
    searches.push({ query: `${c.family_name} ${firstGiven(c)}`, targetId: c.id, kind: 'exact' });
  }
  for (let i = 0; i < per / 4; i++) {
    const c = sample();
    searches.push({ query: `${toleratedVariant(rng, firstGiven(c))} ${toleratedVariant(rng, c.family_name)}`, targetId: c.id, kind: 'variant' });
  }
  for (let i = 0; i < per / 8; i++) {
    const c = sample();
    searches.push({ query: toleratedVariant(rng, c.family_name), targetId: c.id, kind: 'family-variant' });
  }
  const dated = clients.filter((c) => c.birth_date?.length === 10);
  for (let i = 0; i < per / 4; i++) {
    const c = rng.pick(dated);
    searches.push({ query: germanDate(c.birth_date!), targetId: c.id, kind: 'birth-date' });
  }
  for (let i = 0; i < per / 8; i++) {
    const c = rng.pick(dated);
    searches.push({ query: `${c.family_name} ${c.birth_date!.slice(0, 4)}`, targetId: c.id, kind: 'name-and-year' });
  }

  const opens: [string, string][] = [];
  for (let i = 0; i < per; i++) {
    const c = sample();
    opens.push([c.id, c.case_id]);
  }

  const lists: ListRequest[] = [];
  const sorts = ['name', 'birthDate', 'statusExpiry', 'updated'] as const;
  const openPhases = CASE_PHASES.filter((p) => p !== 'closure');
  for (let i = 0; i < per; i++) {
    const filter = rng.int(0, 4);
    const req: ListRequest = { sort: rng.pick(sorts), direction: rng.chance(0.5) ? 'asc' : 'desc', offset: 0, limit: 100 };
    if (filter === 1) req.office = 'lunen';
    if (filter === 2) req.phase = rng.pick(openPhases);
    if (filter === 3) req.caseManagerId = rng.pick(caseManagerIds);
    if (filter === 4) req.expiringOnly = true;
    // Scrolling: mostly the first pages, sometimes deep into the list (the virtualised table fetches by offset).
    const roughTotal = filter === 0 || filter === 1 ? listed * 0.8 : filter === 4 ? listed * 0.1 : listed * 0.15;
    req.offset = rng.chance(0.4) ? 0 : Math.floor(rng.float() * Math.max(0, roughTotal - 100) / 100) * 100;
    lists.push(req);
  }

  const openCases = db
    .prepare('SELECT k.id FROM kim_case k JOIN client c ON c.id = k.client_id WHERE k.closed_on IS NULL AND c.office = ?')
    .all(office) as { id: string }[];
  const noteCases = rng.sample(openCases, per).map((r) => r.id);
  return { searches, opens, lists, noteCases };
}
