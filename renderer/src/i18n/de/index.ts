import { common } from './common';
import { setup } from './setup';
import { lock } from './lock';
import { frame } from './frame';
import { clients } from './clients';
import { cases } from './cases';
import { consent } from './consent';
import { accounts } from './accounts';
import { audit } from './audit';
import { vaultKey } from './vault-key';
import { network } from './network';
import { syncConflicts } from './sync-conflicts';
import { partners } from './partners';
import { findings } from './findings';
import { statistics } from './statistics';
import { referrals } from './referrals';
import { conferences } from './conferences';
import { handovers } from './handovers';
import { dataSubject } from './data-subject';
import { retention } from './retention';
import { machinePolicy } from './machine-policy';
import { systemHealth } from './system-health';

/**
 * German UI text, the primary language, one module per feature namespace. Each namespace owns its top-level keys
 * (tests/unit/i18n-keys.test.ts refuses a key in two namespaces); error texts are keyed by API error code under
 * `errors.<code>` in common.
 */
export const DE_NAMESPACES = { common, setup, lock, frame, clients, cases, consent, accounts, audit, vaultKey, network, syncConflicts, partners, referrals, conferences, findings, handovers, dataSubject, statistics, retention, machinePolicy, systemHealth } as const;

export const de = { ...common, ...setup, ...lock, ...frame, ...clients, ...cases, ...consent, ...accounts, ...audit, ...vaultKey, ...network, ...syncConflicts, ...partners, ...referrals, ...conferences, ...findings, ...handovers, ...dataSubject, ...statistics, ...retention, ...machinePolicy, ...systemHealth };
