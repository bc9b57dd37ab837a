import { InitialSchema1764000000001 } from './0001-initial-schema';
import { DraftsAndLastLogin1764000000002 } from './0002-drafts-and-last-login';

/** All migrations in order. The schema version of a database is the number of these it has applied. */
export const MIGRATIONS = [InitialSchema1764000000001, DraftsAndLastLogin1764000000002];
export const SCHEMA_VERSION = MIGRATIONS.length;
