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

/** English UI text, the second language: the same namespaces and keys as German (checked by the compiler and a unit test). */
export const EN_NAMESPACES = { common, setup, lock, frame, clients, cases, consent, accounts, audit, vaultKey, network, syncConflicts, partners, referrals, conferences, findings, handovers, dataSubject, statistics, retention, machinePolicy, systemHealth } as const;

export const en = { ...common, ...setup, ...lock, ...frame, ...clients, ...cases, ...consent, ...accounts, ...audit, ...vaultKey, ...network, ...syncConflicts, ...partners, ...referrals, ...conferences, ...findings, ...handovers, ...dataSubject, ...statistics, ...retention, ...machinePolicy, ...systemHealth };
