import { InitialSchema1764000000001 } from './0001-initial-schema';
import { DraftsAndLastLogin1764000000002 } from './0002-drafts-and-last-login';
import { ClientFiles1764000000003 } from './0003-client-files';
import { AuditHashChain1764000000004 } from './0004-audit-hash-chain';
import { ClientListIndexes1764000000005 } from './0005-client-list-indexes';
import { ClientListPagingIndexes1764000000006 } from './0006-client-list-paging-indexes';
import { Consents1764000000007 } from './0007-consents';
import { AccountRequests1764000000008 } from './0008-account-requests';
import { SyncNetwork1764000000009 } from './0009-sync-network';
import { SyncData1764000000010 } from './0010-sync-data';
import { SyncDocumentsAndPhases1764000000011 } from './0011-sync-documents-and-phases';
import { PartnerDirectory1764000000012 } from './0012-partner-directory';
import { Referrals1764000000013 } from './0013-referrals';
import { CaseConferences1764000000014 } from './0014-case-conferences';
import { StructuralFindings1764000000015 } from './0015-structural-findings';
import { FileHandovers1764000000016 } from './0016-file-handovers';
import { RetentionAndDeletion1764000000017 } from './0017-retention-and-deletion';
import { StatisticsIndexes1764000000018 } from './0018-statistics-indexes';

/** All migrations in order. The schema version of a database is the number of these it has applied. */
export const MIGRATIONS = [
  InitialSchema1764000000001, DraftsAndLastLogin1764000000002, ClientFiles1764000000003, AuditHashChain1764000000004,
  ClientListIndexes1764000000005,
  ClientListPagingIndexes1764000000006,
  Consents1764000000007,
  AccountRequests1764000000008,
  SyncNetwork1764000000009,
  SyncData1764000000010,
  SyncDocumentsAndPhases1764000000011,
  PartnerDirectory1764000000012,
  Referrals1764000000013,
  CaseConferences1764000000014,
  StructuralFindings1764000000015,
  FileHandovers1764000000016,
  RetentionAndDeletion1764000000017,
  StatisticsIndexes1764000000018,
];
export const SCHEMA_VERSION = MIGRATIONS.length;
