import { AuditEntryEntity } from '../audit/audit-entity';
import { DraftEntity } from '../drafts/draft-entity';
import { SettingEntity } from '../settings/setting-entity';
import { ChangeEntryEntity } from '../sync/change-entity';
import { AccountEntity } from '../users/account-entity';

/** Every entity of the vault; EntitySchema keeps metadata intact through bundling (no decorators needed). */
export const ENTITIES = [AccountEntity, SettingEntity, AuditEntryEntity, ChangeEntryEntity, DraftEntity];
