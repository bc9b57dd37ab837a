import type { EntityManager } from 'typeorm';
import type { SearchHit } from '../../contract/types/client-types';
import { loadSummaries } from './client-summaries';
import { ClientNameKeyEntity } from './client-entities';
import { foldName, jaroWinkler, NAME_PARTICLES, nameSkeleton, nameTokens, skeletonOfSound, soundForm } from './name-normalisation';
import { phoneticCodes } from './phonetic-codes';
import { parseGermanDate, partialDatesMatch } from '../../contract/dates';

/**
 * Search keys of one client: "f:<folded token>" for exact and prefix search, "s:<skeleton>:<sound form>" and the
 * phonetic codes ("d:<Daitch–Mokotoff>:<sound form>", "k:<Kölner Phonetik>:<sound form>") for variant search —
 * each code finds candidates by range scan, the sound form after it ranks them by similarity.
 */
export function nameKeys(familyName: string, givenNames: string, alternativeNames: string[]): string[] {
  const tokens = nameTokens(familyName, givenNames, ...alternativeNames);
  return [...new Set(tokens.flatMap((t) => variantPrefixes(t).map((prefix) => `${prefix}${soundForm(t)}`).concat(`f:${t}`)))];
}

/** The key prefixes under which spelling variants of `token` are stored: its skeleton and its phonetic codes. */
function variantPrefixes(token: string): string[] {
  return [`s:${nameSkeleton(token)}:`, ...phoneticCodes(token).map((code) => `${code}:`)];
}

/** Variant spellings count from this similarity of their sound forms (Mohammed/Muhammad 0.83, Hussein/Hassan 0.75). */
const MIN_VARIANT_SIMILARITY = 0.8;

/**
 * The distinct keys in a range, one index seek each (a skip scan): a common code has thousands of keys but a few
 * dozen distinct sound forms, and SELECT DISTINCT would read every key.
 */
const DISTINCT_KEYS_IN_RANGE = `WITH RECURSIVE k(key) AS (
    SELECT (SELECT min(key) FROM client_name_key WHERE key > ? AND key < ?)
    UNION ALL SELECT (SELECT min(key) FROM client_name_key WHERE key > k.key AND key < ?) FROM k WHERE k.key IS NOT NULL LIMIT ?
  ) SELECT key FROM k WHERE key IS NOT NULL`;

/**
 * Clients with a name token that sounds like `token` (same skeleton or phonetic code), with the best similarity per
 * client. Two steps keep this cheap with many clients sharing a common name: the range scans read only the distinct
 * stored sound forms (index only), each is compared once, and client ids are read only for the similar ones.
 */
async function variantMatches(m: EntityManager, token: string): Promise<Map<string, number>> {
  const sound = soundForm(token);
  const similarity = new Map<string, number>();
  for (const prefix of variantPrefixes(token)) {
    const rows = (await m.query(DISTINCT_KEYS_IN_RANGE, [prefix, `${prefix}\uffff`, `${prefix}\uffff`, MAX_CANDIDATES_PER_TOKEN])) as { key: string }[];
    for (const r of rows) {
      const form = r.key.slice(prefix.length);
      if (!similarity.has(form)) similarity.set(form, jaroWinkler(sound, form));
    }
  }
  // Every stored token also has its "s:" key, so the clients of a similar sound form are found under that one key.
  const similarKeys = new Map<string, number>();
  for (const [form, s] of similarity) if (s >= MIN_VARIANT_SIMILARITY) similarKeys.set(`s:${skeletonOfSound(form)}:${form}`, s);
  const best = new Map<string, number>();
  if (similarKeys.size === 0) return best;
  const keys = [...similarKeys.keys()];
  // Grouped in index order (no sort), the ids of a key as one string: see clientIds.
  const rows = (await m.query(`SELECT key, group_concat(client_id, ',') AS ids FROM client_name_key WHERE key IN (${keys.map(() => '?').join(',')}) GROUP BY key`, keys)) as {
    key: string;
    ids: string;
  }[];
  // The closest spellings first, so that the cap (a safety bound, far above any real name's count) drops the farthest.
  rows.sort((a, b) => similarKeys.get(b.key)! - similarKeys.get(a.key)!);
  let taken = 0;
  for (const r of rows) {
    const s = similarKeys.get(r.key)!;
    for (const id of r.ids.split(',')) {
      if (taken++ >= MAX_CANDIDATES_PER_TOKEN) return best;
      if (s > (best.get(id) ?? 0)) best.set(id, s);
    }
  }
  return best;
}

/** Replaces a client's search keys (in the caller's transaction). */
export async function indexClientNames(m: EntityManager, clientId: string, keys: string[]): Promise<void> {
  await m.delete(ClientNameKeyEntity, { clientId });
  if (keys.length) await m.insert(ClientNameKeyEntity, keys.map((key) => ({ clientId, key })));
}

/** indexClientNames for many clients at once, a few statements per 500 clients (sync applies a file's together). */
export async function indexClientNamesOf(m: EntityManager, clients: readonly { clientId: string; keys: string[] }[]): Promise<void> {
  for (let i = 0; i < clients.length; i += 500) {
    const part = clients.slice(i, i + 500);
    await m.query(`DELETE FROM client_name_key WHERE client_id IN (${part.map(() => '?').join(',')})`, part.map((c) => c.clientId));
    const rows = part.flatMap((c) => c.keys.map((key) => [key, c.clientId]));
    for (let j = 0; j < rows.length; j += 400) {
      const chunk = rows.slice(j, j + 400);
      await m.query(`INSERT INTO client_name_key (key, client_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
    }
  }
}

const EXACT = 3;
/** Share of a name particle's token score (see NAME_PARTICLES). */
const PARTICLE_WEIGHT = 0.25;
/** A variant scores 1 + its similarity: between a prefix hit and an exact one, closer spellings first. */
const VARIANT_BASE = 1;
const PREFIX = 1;
const MIN_PREFIX = 3;
const MAX_CANDIDATES_PER_TOKEN = 5_000;

/**
 * Client ids of the name keys matching `where`, at most `limit`. Read as one concatenated string: a common name has
 * thousands of keys, and building a JS row object per key costs several times what reading them from the index does.
 */
async function clientIds(m: EntityManager, where: string, params: unknown[], limit = MAX_CANDIDATES_PER_TOKEN): Promise<string[]> {
  const [row] = (await m.query(`SELECT group_concat(client_id, ',') AS ids FROM (SELECT client_id FROM client_name_key WHERE ${where} LIMIT ?)`, [
    ...params,
    limit,
  ])) as { ids: string | null }[];
  return row?.ids ? row.ids.split(',') : [];
}

/** Best score per client for one query token: exact folded match, same skeleton, or folded prefix. */
async function scoreToken(m: EntityManager, token: string): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  const take = (ids: string[], score: number) => {
    for (const id of ids) if ((scores.get(id) ?? 0) < score) scores.set(id, score);
  };
  const exact = `f:${token}`;
  take(await clientIds(m, 'key = ?', [exact]), EXACT);
  for (const [clientId, similarity] of await variantMatches(m, token)) {
    if ((scores.get(clientId) ?? 0) < VARIANT_BASE + similarity) scores.set(clientId, VARIANT_BASE + similarity);
  }
  if (token.length >= MIN_PREFIX) take(await clientIds(m, 'key > ? AND key < ?', [exact, `${exact}\uffff`]), PREFIX);
  return scores;
}

/** The particle's exact-match score (weighted) for those of `among` that carry it. */
async function particleScores(m: EntityManager, particle: string, among: ReadonlySet<string>): Promise<Map<string, number>> {
  const ids = await clientIds(m, 'key = ?', [`f:${particle}`], MAX_CANDIDATES_PER_TOKEN * 4);
  return new Map(ids.filter((id) => among.has(id)).map((id) => [id, PARTICLE_WEIGHT * EXACT]));
}

export interface ParsedQuery {
  tokens: string[];
  /** The folded name words in the order typed, hyphenated parts split ("Al-Ubaidi" → al, ubaidi). */
  words: string[];
  birthDate: string | null;
}

/** Splits a query into folded name tokens and at most one date (German or ISO, full or partial). */
export function parseQuery(query: string): ParsedQuery {
  let birthDate: string | null = null;
  const nameParts: string[] = [];
  for (const part of query.trim().split(/[\s,;]+/)) {
    const date = /\d/.test(part) ? parseGermanDate(part) : null;
    if (date && !birthDate) birthDate = date;
    else nameParts.push(part);
  }
  const words = nameParts.flatMap((p) => foldName(p).split(' ').filter((w) => w.length > 0));
  return { tokens: nameTokens(...nameParts), words, birthDate };
}

/**
 * Scores of all clients matching a query's words: per client, the best sum over the words in order, where two
 * adjacent words may instead count as one joined word. "Abdul Ameer" thus finds "Abdulameer" (stored joined, typed
 * split; the other way round the stored joined keys find it), and "Al-Ubaidi" counts once, not once for "ubaidi" and
 * again for "alubaidi". A particle counts a quarter (NAME_PARTICLES): otherwise every "Al-…" or "El-…" name matching
 * it outranks the person whose actual names are only spelled differently.
 */
async function scoreWords(m: EntityManager, words: string[]): Promise<Map<string, number>> {
  const byToken = new Map<string, Map<string, number>>();
  const scoresOf = async (token: string) => {
    if (!byToken.has(token)) byToken.set(token, await scoreToken(m, token));
    return byToken.get(token)!;
  };
  // A particle beside other words only adds to clients the other words found, by its exact spelling: alone it
  // matches a large share of all clients ("al"), and scanning its variants and prefixes cost most of such a search.
  const isParticle = (w: string) => NAME_PARTICLES.has(w) && words.length > 1;
  const single: Map<string, number>[] = [];
  for (const w of words) single.push(isParticle(w) ? new Map() : await scoresOf(w));
  const joined: Map<string, number>[] = [];
  for (let i = 0; i + 1 < words.length; i++) joined.push(await scoresOf(words[i]! + words[i + 1]!));
  const ids = new Set<string>();
  for (const scores of [...single, ...joined]) for (const id of scores.keys()) ids.add(id);
  for (let i = 0; i < words.length; i++) {
    if (isParticle(words[i]!)) single[i] = await particleScores(m, words[i]!, ids);
  }
  const total = new Map<string, number>();
  for (const id of ids) {
    // The best score of the first i words (`current`) and of the first i - 1 (`before`).
    let before = 0;
    let current = 0;
    for (let i = 0; i < words.length; i++) {
      const alone = current + (single[i]!.get(id) ?? 0);
      const next = i > 0 ? Math.max(alone, before + (joined[i - 1]!.get(id) ?? 0)) : alone;
      before = current;
      current = next;
    }
    if (current > 0) total.set(id, current);
  }
  return total;
}

/** Keeps the ids the caller may see, in order (the access policy's filter). */
export type VisibleFilter = (ids: string[]) => Promise<string[]>;

const everyone: VisibleFilter = async (ids) => ids;

/**
 * Ranked client search: query words match some name of the client (exact, variant spelling or prefix; see
 * scoreWords), name order does not matter; a date narrows to compatible birth dates. Scores: the words' scores, plus
 * one for a matching date.
 */
export async function searchClients(
  m: EntityManager,
  query: string,
  limit: number,
  today: string,
  visible: VisibleFilter = everyone,
): Promise<SearchHit[]> {
  const { tokens, words, birthDate } = parseQuery(query);
  // Word scores add up over the query, and a client matching only some of them stays in the list: a family name
  // written beyond recognition must not hide the person whose given name matches (issue 10). Matching more words, or
  // closer, ranks higher, so a client all of whose words match approximately still comes first.
  let scores: Map<string, number> | null = words.length ? await scoreWords(m, words) : null;
  if (birthDate) {
    const dated = await clientsBornOn(m, birthDate, scores ? [...scores.keys()] : null);
    const next = new Map<string, number>();
    for (const id of dated) next.set(id, (scores?.get(id) ?? 0) + 1);
    scores = next;
  }
  if (!scores || scores.size === 0) return [];
  const candidates = await bestVisible([...scores.entries()], limit, visible);
  const ranked = await preferCloserSpelling(m, tokens, candidates);
  // Summaries (a join per client) only for the hits shown, and those tied with the last of them (the name decides).
  const cut = ranked[limit - 1]?.[1];
  const shown = ranked.filter(([, score], i) => i < limit || score === cut);
  const summaries = await loadSummaries(m, shown.map(([id]) => id), today);
  const scoreOf = new Map(ranked);
  return summaries
    .map((s) => ({ ...s, score: scoreOf.get(s.id)!, matched: tokens }))
    .sort((a, b) => b.score - a.score || foldName(`${a.familyName} ${a.givenNames}`).localeCompare(foldName(`${b.familyName} ${b.givenNames}`)))
    .slice(0, limit);
}

/** Weight of the written-spelling tie-break: below any difference of match kind, so it only orders near-equals. */
const SPELLING_TIEBREAK = 0.01;
/** At most this many candidates take part in the tie-break (one indexed read of their folded tokens). */
const TIEBREAK_CANDIDATES = 60;

const byScore = (a: [string, number], b: [string, number]) => b[1] - a[1];

/**
 * The entries scoring at least the n-th best score, in score order (ties in their given order, as a full stable sort
 * would give them). A common name has thousands of candidates, and sorting them all cost more than the rest of the
 * ranking; a typed array finds the threshold cheaply.
 */
function bestFirst(entries: [string, number][], n: number): [string, number][] {
  if (entries.length <= n) return [...entries].sort(byScore);
  const scores = Float64Array.from(entries, ([, score]) => score).sort();
  const threshold = scores[scores.length - n]!;
  return entries.filter(([, score]) => score >= threshold).sort(byScore);
}

/**
 * The best-scored candidates the caller may see, checked a window at a time in score order (usually one window is
 * enough): the first `limit`, and after them those the spelling tie-break could still lift past the last of them.
 */
async function bestVisible(entries: [string, number][], limit: number, visible: VisibleFilter): Promise<[string, number][]> {
  const window = limit * 4;
  const most = Math.max(limit, TIEBREAK_CANDIDATES);
  const reach = (ranked: [string, number][]) => (ranked[limit - 1]?.[1] ?? -Infinity) - SPELLING_TIEBREAK;
  // Three windows in order first; all of them only if the caller may see too few of those.
  let sorted = bestFirst(entries, window * 3);
  const ranked: [string, number][] = [];
  for (let i = 0; i < entries.length && ranked.length < most; i += window) {
    if (i + window >= sorted.length && sorted.length < entries.length) sorted = [...entries].sort(byScore);
    const chunk = sorted.slice(i, i + window);
    const keep = new Set(await visible(chunk.map(([id]) => id)));
    ranked.push(...chunk.filter(([id]) => keep.has(id)));
    // Sorted: once the next candidate is out of reach, all later ones are.
    if (ranked.length >= limit && (sorted[i + window]?.[1] ?? -Infinity) < reach(ranked)) break;
  }
  const floor = reach(ranked);
  return ranked.filter(([, score], i) => i < limit || score >= floor).slice(0, most);
}

/**
 * Sound forms collapse spellings (Haddad/Hadad, Nour/Nur), so many clients can share a score; among those, the one
 * whose written name is closest to the query comes first (with many clients of the same name, the right one must
 * not fall out of the top 5 by chance). Adds at most SPELLING_TIEBREAK to each candidate's score and re-sorts.
 */
async function preferCloserSpelling(m: EntityManager, tokens: string[], candidates: [string, number][]): Promise<[string, number][]> {
  if (candidates.length === 0 || tokens.length === 0) return candidates;
  const rows = (await m.query(
    `SELECT client_id, key FROM client_name_key WHERE client_id IN (${candidates.map(() => '?').join(',')}) AND key > 'f:' AND key < 'f;'`,
    candidates.map(([id]) => id),
  )) as { client_id: string; key: string }[];
  const written = new Map<string, string[]>();
  for (const r of rows) written.set(r.client_id, [...(written.get(r.client_id) ?? []), r.key.slice(2)]);
  const closeness = (id: string) => {
    const stored = written.get(id) ?? [];
    let sum = 0;
    for (const t of tokens) sum += Math.max(0, ...stored.map((w) => jaroWinkler(t, w)));
    return sum / tokens.length;
  };
  return candidates.map(([id, score]): [string, number] => [id, score + SPELLING_TIEBREAK * closeness(id)]).sort((a, b) => b[1] - a[1]);
}

/** Ids of clients whose (partial) birth date is compatible with the searched (partial) date. */
async function clientsBornOn(m: EntityManager, date: string, among: string[] | null): Promise<string[]> {
  // Stored dates that are a prefix of the searched one (only year known) or start with it (searched only a year).
  const prefixes = [date.slice(0, 4), date.slice(0, 7), date].filter((v, i, a) => a.indexOf(v) === i);
  // A range, not LIKE: LIKE cannot use the birth_date index and would read every client. The name matches are
  // intersected here, not in SQL: an IN list of thousands of ids (a common family name) costs more than the
  // few hundred clients born in one year, read from the index.
  const rows = (await m.query(
    `SELECT id, birth_date FROM client WHERE birth_date IN (${prefixes.map(() => '?').join(',')}) OR (birth_date >= ? AND birth_date < ?)`,
    [...prefixes, date, `${date}\uffff`],
  )) as { id: string; birth_date: string | null }[];
  const wanted = among ? new Set(among) : null;
  return rows.filter((r) => (!wanted || wanted.has(r.id)) && partialDatesMatch(r.birth_date, date)).map((r) => r.id);
}

/**
 * Likely duplicates of a new client: the family name and at least one given name match by spelling variant, and
 * the birth dates do not contradict each other.
 */
export async function findDuplicates(
  m: EntityManager,
  input: { familyName: string; givenNames: string; birthDate: string | null; excludeId?: string },
  today: string,
  visible: VisibleFilter = everyone,
): Promise<SearchHit[]> {
  // The family name as one word matches however it was split ("Al-Hassan", "Al Hassan", "Alhasan").
  const family = foldName(input.familyName).replace(/ /g, '');
  const given = nameTokens(input.givenNames);
  const skeletonIds = async (token: string) => new Set((await variantMatches(m, token)).keys());
  let candidates = family ? await skeletonIds(family) : new Set<string>();
  if (candidates.size === 0) return [];
  if (given.length) {
    const anyGiven = new Set<string>();
    for (const t of given) for (const id of await skeletonIds(t)) if (candidates.has(id)) anyGiven.add(id);
    candidates = anyGiven;
  }
  candidates.delete(input.excludeId ?? '');
  const summaries = await loadSummaries(m, (await visible([...candidates])).slice(0, 50), today);
  return summaries
    .filter((s) => !input.birthDate || !s.birthDate || partialDatesMatch(s.birthDate, input.birthDate))
    .map((s) => ({ ...s, score: input.birthDate && s.birthDate ? 2 : 1, matched: [family, ...given] }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
}
