import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { auditChainKey, registerAuditChainKey } from '../../electron/core/platform/audit/audit-chain';
import { forgetAuditHead, registerAuditHead } from '../../electron/core/platform/audit/audit-head';

describe('audit keys on lock', () => {
  it('zeroes the chain key with the head keys, so no audit key outlives the session', () => {
    const dataSource = {} as DataSource;
    const manager = { connection: dataSource } as EntityManager;
    const databaseKey = randomBytes(32);
    registerAuditChainKey(dataSource, databaseKey);
    registerAuditHead(dataSource, databaseKey, '/nonexistent');
    const chainKey = auditChainKey(manager);
    expect(chainKey.equals(Buffer.alloc(32))).toBe(false);

    forgetAuditHead(dataSource);

    expect(chainKey.equals(Buffer.alloc(32))).toBe(true);
    expect(() => auditChainKey(manager)).toThrow(/^audit chain key not registered for this connection$/);
  });
});
