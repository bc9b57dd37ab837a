import type { MethodName } from './methods';

/**
 * The API's method names as a plain list: what the preload bridge and the harness shim build window.kim from.
 * Kept apart from the method table so the preload bundle carries names, not every zod schema; the compiler checks
 * that the list names every method of the contract and nothing else.
 */
export const METHOD_NAMES = [
  'vault.status',
  'vault.setup',
  'vault.info',
  'vault.rekey',
  'session.unlock',
  'session.recoveryReset',
  'session.current',
  'session.lock',
  'session.changePassphrase',
  'drafts.save',
  'drafts.get',
  'drafts.discard',
  'home.summary',
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.resetPassphrase',
  'accounts.requests',
  'accounts.decideRequest',
  'accounts.caseManagers',
  'clients.search',
  'clients.checkDuplicates',
  'clients.list',
  'clients.create',
  'clients.get',
  'clients.update',
  'household.add',
  'household.remove',
  'residence.add',
  'residence.remove',
  'documents.upload',
  'documents.content',
  'documents.delete',
  'consents.add',
  'consents.revoke',
  'cases.open',
  'cases.get',
  'cases.setPhase',
  'cases.close',
  'assessment.set',
  'goals.add',
  'goals.setStatus',
  'measures.add',
  'measures.setStatus',
  'notes.add',
  'followUps.add',
  'followUps.complete',
  'work.overview',
  'audit.list',
  'audit.exportCsv',
  'audit.verify',
  'audit.subjects',
  'audit.users',
  'settings.get',
  'settings.update',
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
/** Fails to compile when a method of the contract is missing from the list above. */
export const METHOD_NAMES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
