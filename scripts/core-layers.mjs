/**
 * The floors of electron/core, bottom up, and the order of the domain areas: the one definition of which part of
 * core may import which, turned into `import-x/no-restricted-paths` zones for `npm run lint`.
 *
 * - contract: DTO types, zod schemas, error codes, enums, dates. Pure; the renderer and preload import only this.
 * - platform: vault (SQLCipher, keys, migrations), audit chain, change log and HLC, settings, atomic files.
 * - domain:   one folder per area; an area imports only the areas listed before it in DOMAIN_AREAS. Entity
 *             schemas (`*-entity.ts`, `*-entities.ts`) are leaves that import nothing of core but the contract,
 *             so any area may read another's table definitions without depending on its service.
 * - api:      method table, handlers, guards, dispatcher, call context and session lifecycle: knows every area.
 */
export const CORE_FLOORS = ['contract', 'platform', 'domain', 'api'];

/** Domain areas bottom up: each may import only those before it. */
export const DOMAIN_AREAS = ['access', 'users', 'drafts', 'clients', 'consent', 'documents', 'cases', 'client-file', 'work', 'audit-trail', 'partners', 'referrals', 'conferences', 'findings', 'statistics', 'sync', 'handovers', 'data-subject', 'retention', 'health'];

const core = (p) => `electron/core/${p}`;
const ENTITY_FILES = ['**/*-entity.ts', '**/*-entities.ts'];

function floorZones() {
  return CORE_FLOORS.slice(0, -1).map((floor, i) => ({
    target: core(floor),
    from: CORE_FLOORS.slice(i + 1).map(core),
    message: `The ${floor} floor must not import a floor above it (${CORE_FLOORS.slice(i + 1).join(', ')}).`,
  }));
}

function areaZones() {
  return DOMAIN_AREAS.slice(0, -1).map((area, i) => ({
    target: core(`domain/${area}/**`),
    from: DOMAIN_AREAS.slice(i + 1).map((a) => core(`domain/${a}/**`)),
    except: ENTITY_FILES,
    message: `Domain area "${area}" may import only areas below it (${DOMAIN_AREAS.slice(0, i).join(', ') || 'none'}) and entity schemas; see scripts/core-layers.mjs.`,
  }));
}

/** Entity schemas and the service context are leaves: nothing of core but the contract. */
const leafZones = [
  {
    target: [...ENTITY_FILES.map((g) => core(`**/${g.slice(3)}`)), core('domain/service-context.ts')],
    from: [core('platform/**'), core('domain/**'), core('api/**')],
    message: 'Entity schemas and the service context are leaves: they import only the contract.',
  },
];

/** A migration's SQL is frozen history: only the vault's migration runner reads the migrations. */
const migrationZones = [
  {
    target: [core('contract/**'), core('domain/**'), core('api/**'), core('platform/audit/**'), core('platform/sync/**'), core('platform/settings/**'), core('platform/files/**')],
    from: [core('platform/vault/migrations/**')],
    message: 'Migrations are frozen history: services keep their own SQL and never import a migration.',
  },
];

/** Electron main and the CLI talk to core through the dispatcher and the contract only. */
const shellZones = [
  {
    target: ['electron/main', 'electron/cli'],
    from: [core('platform'), core('domain')],
    message: 'Electron main and the CLI reach core only through api/ (the dispatcher) and contract/.',
  },
];

/** Development tools (demo data) stay out of everything that ships. */
const toolZones = [{ target: 'electron', from: 'tests', message: 'Shipped code never imports tests or development tools.' }];

export const coreLayerZones = [...floorZones(), ...areaZones(), ...leafZones, ...migrationZones, ...shellZones, ...toolZones];
