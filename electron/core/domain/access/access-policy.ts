import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ClientAccessView } from '../../contract/types/access-types';
import {
  DATA_CATEGORIES,
  KEY_PROTECTED_CATEGORIES,
  OWNER_ROLES,
  ROLE_CATEGORIES,
  type DataCategory,
  type KeyProtectedCategory,
} from '../../contract/data-categories';
import type { SessionUser } from '../../contract/types/workstation-types';

/** What one caller may do with one client file, decided fresh on every call (a revocation counts at once). */
export interface ClientAccess {
  clientId: string;
  owner: boolean;
  canWrite: boolean;
  /** Processing restricted (Art. 18): the keeping office reads, nobody writes (canWrite is false). */
  restricted: boolean;
  /** Categories the caller may see: the role's own for the owning office, else those of active consents naming it. */
  categories: ReadonlySet<DataCategory>;
}

export function accessView(a: ClientAccess): ClientAccessView {
  return { owner: a.owner, canWrite: a.canWrite, restricted: a.restricted, categories: DATA_CATEGORIES.filter((c) => a.categories.has(c)) };
}

/** SQLite allows at most 32,766 bound parameters; id lists are chunked well below that. */
const CHUNK = 900;

/** Consent grants in force today: given, not yet ended, not revoked. Revocation ends access whatever date it names. */
const ACTIVE_CONSENT = `k.revoked_on IS NULL AND k.valid_from <= ? AND (k.valid_until IS NULL OR k.valid_until >= ?)`;

/**
 * The access rules of client data: role (field visibility per category), office scope (own office keeps the file)
 * and consent (another office, or the ABH, sees only the categories an active consent names for it). One instance
 * per call, over the call's transaction.
 */
export class AccessPolicy {
  private readonly roleCategories: ReadonlySet<DataCategory>;

  /**
   * `keys`: the category keys this session holds. A protected category (health, conversation notes) whose key it
   * lacks (an account IT just created, before a colleague who holds it unlocked) is treated as outside the role.
   */
  constructor(
    private readonly m: EntityManager,
    readonly user: SessionUser,
    readonly today: string,
    keys: { holds(category: KeyProtectedCategory): boolean },
  ) {
    const isProtected = (c: DataCategory): c is KeyProtectedCategory => (KEY_PROTECTED_CATEGORIES as readonly DataCategory[]).includes(c);
    this.roleCategories = new Set((ROLE_CATEGORIES[user.role] ?? []).filter((c) => !isProtected(c) || keys.holds(c)));
  }

  /** Whether the role keeps client files of its own office (create, change). */
  get keepsFiles(): boolean {
    return OWNER_ROLES.includes(this.user.role);
  }

  /** Whether the role may see any client data at all. */
  get seesClients(): boolean {
    return this.roleCategories.size > 0;
  }

  /** The access to one client; null when the client does not exist. */
  async forClient(clientId: string): Promise<ClientAccess | null> {
    const rows = (await this.m.query('SELECT id, office FROM client WHERE id = ?', [clientId])) as { id: string; office: string }[];
    if (!rows.length) return null;
    return (await this.forClients(rows)).get(clientId)!;
  }

  /** The access to each of the given clients (list rows), with one grant query per chunk. */
  async forClients(clients: readonly { id: string; office: string }[]): Promise<Map<string, ClientAccess>> {
    const result = new Map<string, ClientAccess>();
    const foreign: string[] = [];
    const own: string[] = [];
    for (const c of clients) {
      if (this.keepsFiles && c.office === this.user.office) own.push(c.id);
      else foreign.push(c.id);
    }
    const restricted = await this.restrictedOf(own);
    for (const id of own) {
      const r = restricted.has(id);
      result.set(id, { clientId: id, owner: true, canWrite: !r, restricted: r, categories: this.roleCategories });
    }
    const granted = await this.grantedCategories(foreign);
    for (const id of foreign) {
      const categories = new Set([...(granted.get(id) ?? [])].filter((c) => this.roleCategories.has(c)));
      result.set(id, { clientId: id, owner: false, canWrite: false, restricted: false, categories });
    }
    return result;
  }

  /** Files of the caller's office whose processing is restricted (client_restriction, Art. 18). */
  private async restrictedOf(clientIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < clientIds.length; i += CHUNK) {
      const ids = clientIds.slice(i, i + CHUNK);
      const rows = (await this.m.query(`SELECT client_id FROM client_restriction WHERE client_id IN (${ids.map(() => '?').join(',')})`, ids)) as { client_id: string }[];
      for (const r of rows) out.add(r.client_id);
    }
    return out;
  }

  private async grantedCategories(clientIds: string[]): Promise<Map<string, Set<DataCategory>>> {
    const granted = new Map<string, Set<DataCategory>>();
    if (!this.seesClients) return granted;
    for (let i = 0; i < clientIds.length; i += CHUNK) {
      const ids = clientIds.slice(i, i + CHUNK);
      const rows = (await this.m.query(
        `SELECT g.client_id, g.category FROM consent_grant g JOIN consent k ON k.id = g.consent_id
         WHERE g.party = ? AND g.client_id IN (${ids.map(() => '?').join(',')}) AND ${ACTIVE_CONSENT}`,
        [this.user.office, ...ids, this.today, this.today],
      )) as { client_id: string; category: DataCategory }[];
      for (const r of rows) {
        const set = granted.get(r.client_id) ?? new Set<DataCategory>();
        set.add(r.category);
        granted.set(r.client_id, set);
      }
    }
    return granted;
  }

  /**
   * A WHERE condition over `client c` that keeps the clients the caller may see, optionally only those whose
   * `category` it may see (a filter on expiry dates must not reveal statuses the caller may not read).
   */
  async visibleClientsSql(category?: DataCategory): Promise<{ sql: string; params: unknown[] }> {
    const categories = category ? [category].filter((c) => this.roleCategories.has(c)) : [...this.roleCategories];
    if (!categories.length) return { sql: '0', params: [] };
    const consented = `c.id IN (SELECT client_id FROM temp.${await this.sharedClientsTable(categories)})`;
    if (!this.keepsFiles) return { sql: consented, params: [] };
    return { sql: `(c.office = ? OR ${consented})`, params: [this.user.office] };
  }

  /**
   * The clients that consents in force share with the caller's office in one of `categories`, as a temp table of ids
   * (in memory: temp_store=MEMORY). A bare `IN (SELECT client_id FROM t)` lets SQLite probe t's primary-key index
   * per row; the join of grants and consents behind it (tens of ms at 50,000 clients) runs only when consents, the
   * office or the day changed. The stamp lives in a temp table too, so a rolled-back call rolls both back together.
   */
  private async sharedClientsTable(categories: DataCategory[]): Promise<string> {
    const name = `kim_shared_${createHash('sha256').update(categories.sort().join(',')).digest('hex').slice(0, 12)}`;
    const stamp = await this.scopeStamp();
    await this.m.query('CREATE TEMP TABLE IF NOT EXISTS kim_shared_stamp (name TEXT PRIMARY KEY, stamp TEXT NOT NULL)');
    const [current] = (await this.m.query('SELECT stamp FROM temp.kim_shared_stamp WHERE name = ?', [name])) as { stamp: string }[];
    if (current?.stamp === stamp) return name;
    await this.m.query(`CREATE TEMP TABLE IF NOT EXISTS ${name} (client_id TEXT PRIMARY KEY)`);
    await this.m.query(`DELETE FROM temp.${name}`);
    await this.m.query(
      `INSERT OR IGNORE INTO temp.${name} SELECT g.client_id FROM consent_grant g JOIN consent k ON k.id = g.consent_id
       WHERE g.party = ? AND g.category IN (${categories.map(() => '?').join(',')}) AND ${ACTIVE_CONSENT}`,
      [this.user.office, ...categories, this.today, this.today],
    );
    await this.m.query('INSERT OR REPLACE INTO temp.kim_shared_stamp (name, stamp) VALUES (?, ?)', [name, stamp]);
    return name;
  }

  /**
   * Changes whenever the set of clients visible to the caller may change by consent: another office or day, a consent
   * added, changed or deleted. Two statements, not one: count(*) alone and max() alone each take SQLite's shortcut
   * (page counts, one index seek), together they scan every consent (0.6 ms at 13,000 consents, on every call).
   */
  async scopeStamp(): Promise<string> {
    const [{ n }] = (await this.m.query('SELECT count(*) AS n FROM consent')) as [{ n: number }];
    const [{ u }] = (await this.m.query('SELECT max(updated_at) AS u FROM consent')) as [{ u: string | null }];
    return `${this.user.office}|${this.today}|${n}|${u ?? ''}`;
  }

  /** Whether every client of `office` is visible to the caller by office alone (its own office, a keeping role). */
  ownsOffice(office: string): boolean {
    return this.keepsFiles && office === this.user.office;
  }

  /** The subset of `ids` the caller may see, in the given order. */
  async filterVisible(ids: readonly string[], category?: DataCategory): Promise<string[]> {
    const visible = new Set<string>();
    const { sql, params } = await this.visibleClientsSql(category);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = (await this.m.query(`SELECT c.id FROM client c WHERE c.id IN (${chunk.map(() => '?').join(',')}) AND ${sql}`, [
        ...chunk,
        ...params,
      ])) as { id: string }[];
      for (const r of rows) visible.add(r.id);
    }
    return ids.filter((id) => visible.has(id));
  }
}
