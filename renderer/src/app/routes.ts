import { useEffect, useState } from 'react';
import { AUDIT_ROLES, CASE_WORK_ROLES, DIRECTORY_ROLES, FINDING_ROLES, OWNER_ROLES, STATISTICS_ROLES, RETENTION_ROLES, type Role } from '../api/core';

/** Client files: those who keep them, and the ABH, which reads what consents share with it (the core's caseWork roles). */
const CLIENT_READERS = CASE_WORK_ROLES;
/** Sync conflicts: settled by those who keep the files (the core lists only files the caller's office keeps). */
const CONFLICT_SETTLERS = OWNER_ROLES;
/** Account administration has no role list in the contract: the core's 'admin' access is this one role. */
const ACCOUNT_ADMINS: readonly Role[] = ['it-admin'];
/** The network of trusted workstations: creating, inviting, joining and revoking are the core's 'admin' access too. */
const NETWORK_ADMINS = ACCOUNT_ADMINS;
/** The health check of this workstation: the core's 'admin' access as well. */
const HEALTH_CHECKERS = ACCOUNT_ADMINS;
/** Approvals of IT's account changes: Datenschutz decides, IT follows them (the core's 'audit' roles may list). */
const APPROVAL_VIEWERS: readonly Role[] = ['datenschutz', 'it-admin'];
/** The partner directory: the roles that read it (the core's 'directory' access). */
const DIRECTORY_READERS: readonly Role[] = DIRECTORY_ROLES.read;
/** Structural findings: case managers (their own) and Koordination (all; the core's 'findings' access). */
const FINDING_READERS: readonly Role[] = FINDING_ROLES.list;
/**
 * Art. 15 requests by person: the data protection officer finds the person here (case managers write the report
 * from the client file). The core's 'dataSubject' access also admits Fallmanagement; this page is Datenschutz's door.
 */
const ACCESS_REQUEST_HANDLERS: readonly Role[] = ['datenschutz'];
/** KIM statistics: the roles that may compute them (the core's 'statistics' access). */
const STATISTICS_READERS: readonly Role[] = STATISTICS_ROLES.view;
/** Retention and deletion: Datenschutz asks, a second person (Datenschutz or Koordination) decides. */
const RETENTION_USERS: readonly Role[] = RETENTION_ROLES.decide;

/** Whether the role keeps client files (creates and changes them); the core decides per file as well. */
export function keepsFiles(role: Role): boolean {
  return OWNER_ROLES.includes(role);
}

/**
 * Areas of the app, in navigation order, with the roles that may use them: the navigation shows only what the
 * role may open (the core refuses the rest anyway). The hash keeps routing inside the page (no file:// or app://
 * paths); it carries record ids, never names.
 */
export const AREAS = [
  { id: 'home', hash: '#/uebersicht', labelKey: 'frame.areas.home', roles: null },
  { id: 'clients', hash: '#/klienten', labelKey: 'frame.areas.clients', roles: CLIENT_READERS },
  { id: 'partners', hash: '#/partnernetz', labelKey: 'partners.nav', roles: DIRECTORY_READERS },
  { id: 'findings', hash: '#/systemhinweise', labelKey: 'findings.nav', roles: FINDING_READERS },
  { id: 'statistics', hash: '#/statistik', labelKey: 'statistics.nav', roles: STATISTICS_READERS },
  { id: 'conflicts', hash: '#/konflikte', labelKey: 'syncConflicts.nav', roles: CONFLICT_SETTLERS },
  { id: 'accounts', hash: '#/konten', labelKey: 'frame.areas.accounts', roles: ACCOUNT_ADMINS },
  { id: 'network', hash: '#/netzwerk', labelKey: 'networkAdmin.nav', roles: NETWORK_ADMINS },
  { id: 'systemHealth', hash: '#/systemzustand', labelKey: 'systemHealth.nav', roles: HEALTH_CHECKERS },
  { id: 'approvals', hash: '#/freigaben', labelKey: 'approvals.nav', roles: APPROVAL_VIEWERS },
  { id: 'retention', hash: '#/aufbewahrung', labelKey: 'retention.nav', roles: RETENTION_USERS },
  { id: 'audit', hash: '#/protokoll', labelKey: 'auditView.nav', roles: AUDIT_ROLES },
  { id: 'dataSubject', hash: '#/auskunft', labelKey: 'dataSubject.nav', roles: ACCESS_REQUEST_HANDLERS },
] as const;
export type AreaId = (typeof AREAS)[number]['id'];

export type Route =
  | { area: 'home' }
  | { area: 'clients'; view: 'list' }
  | { area: 'clients'; view: 'new' }
  | { area: 'clients'; view: 'client'; id: string }
  | { area: 'clients'; view: 'case'; id: string }
  | { area: 'partners' }
  | { area: 'findings' }
  | { area: 'statistics' }
  | { area: 'conflicts' }
  | { area: 'accounts' }
  | { area: 'network' }
  | { area: 'systemHealth' }
  | { area: 'approvals' }
  | { area: 'retention' }
  | { area: 'audit' }
  | { area: 'dataSubject' };

export const hrefs = {
  home: '#/uebersicht',
  clients: '#/klienten',
  newClient: '#/klienten/neu',
  client: (id: string) => `#/klienten/${id}`,
  case: (id: string) => `#/faelle/${id}`,
  partners: '#/partnernetz',
  findings: '#/systemhinweise',
  statistics: '#/statistik',
  conflicts: '#/konflikte',
  accounts: '#/konten',
  network: '#/netzwerk',
  systemHealth: '#/systemzustand',
  approvals: '#/freigaben',
  retention: '#/aufbewahrung',
  audit: '#/protokoll',
  dataSubject: '#/auskunft',
};

export function canUse(role: Role, area: AreaId): boolean {
  const spec = AREAS.find((a) => a.id === area);
  return !!spec && (spec.roles === null || spec.roles.includes(role));
}

const ID = '([0-9a-fA-F-]{36})';

export function parseRoute(hash: string): Route {
  if (hash === '#/klienten') return { area: 'clients', view: 'list' };
  if (hash === '#/klienten/neu') return { area: 'clients', view: 'new' };
  let m = new RegExp(`^#/klienten/${ID}$`).exec(hash);
  if (m) return { area: 'clients', view: 'client', id: m[1]! };
  m = new RegExp(`^#/faelle/${ID}$`).exec(hash);
  if (m) return { area: 'clients', view: 'case', id: m[1]! };
  if (hash === '#/partnernetz') return { area: 'partners' };
  if (hash === '#/systemhinweise') return { area: 'findings' };
  if (hash === '#/statistik') return { area: 'statistics' };
  if (hash === '#/konflikte') return { area: 'conflicts' };
  if (hash === '#/konten') return { area: 'accounts' };
  if (hash === '#/netzwerk') return { area: 'network' };
  if (hash === '#/systemzustand') return { area: 'systemHealth' };
  if (hash === '#/freigaben') return { area: 'approvals' };
  if (hash === '#/aufbewahrung') return { area: 'retention' };
  if (hash === '#/protokoll') return { area: 'audit' };
  if (hash === '#/auskunft') return { area: 'dataSubject' };
  return { area: 'home' };
}

/** The current route, following the location hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
