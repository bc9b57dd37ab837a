import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/contract/errors';
import { DEFAULT_MACHINE_POLICY, EXPORT_KINDS, machinePolicySchema } from '../../electron/core/contract/machine-policy';
import { POLICY_KEYS } from '../../electron/core/contract/machine-policy-keys';
import { readMachinePolicy } from '../../electron/core/platform/policy/machine-policy';
import { machineRegistrySource, parseRegQuery, POLICY_REGISTRY_KEY, type RegistrySource, type RegistryValue } from '../../electron/core/platform/policy/policy-registry';
import { policyView } from '../../electron/core/platform/policy/policy-view';
import { tempDir } from '../helpers/temp-vault';

/** `reg query "HKLM\Software\Policies\KIM-Akte" /s` as recorded on a Windows 11 workstation (CRLF, four-space columns). */
const RECORDED = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte',
  '    office    REG_SZ    werne',
  '    dataFolder    REG_EXPAND_SZ    %ProgramData%\\KIM-Akte\\vault',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte\\accounts',
  '    requireApproval    REG_DWORD    0x0',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte\\exports',
  '    allowed    REG_MULTI_SZ    pdf\\0csv',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte\\lock',
  '    idleMinutes    REG_DWORD    0x5',
  '    maxIdleMinutes    REG_DWORD    0xf',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte\\sync',
  '    (Standard)    REG_SZ    ',
  '    shareFolder    REG_SZ    \\\\rathaus-fs01\\KIM Akte\\sync',
  '',
].join('\r\n');

const fake = (values: RegistryValue[]): RegistrySource => ({ location: POLICY_REGISTRY_KEY, read: () => values });

describe('machine policy from the Windows registry', () => {
  const tmp = tempDir('kim-akte-policy-reg-');
  afterAll(() => tmp.cleanup());
  const write = (name: string, value: unknown) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).toPayload();
    }
    throw new Error('expected policy.invalid');
  };

  it('parses recorded reg query output: subkeys become nested keys, the unnamed default value is ignored', () => {
    expect(parseRegQuery(RECORDED)).toEqual([
      { path: ['office'], type: 'REG_SZ', data: 'werne' },
      { path: ['dataFolder'], type: 'REG_EXPAND_SZ', data: '%ProgramData%\\KIM-Akte\\vault' },
      { path: ['accounts', 'requireApproval'], type: 'REG_DWORD', data: '0x0' },
      { path: ['exports', 'allowed'], type: 'REG_MULTI_SZ', data: 'pdf\\0csv' },
      { path: ['lock', 'idleMinutes'], type: 'REG_DWORD', data: '0x5' },
      { path: ['lock', 'maxIdleMinutes'], type: 'REG_DWORD', data: '0xf' },
      { path: ['sync', 'shareFolder'], type: 'REG_SZ', data: '\\\\rathaus-fs01\\KIM Akte\\sync' },
    ]);
    // Keys outside the policy key (a wider query) are not taken.
    expect(parseRegQuery('HKEY_LOCAL_MACHINE\\Software\\Policies\\Other\r\n    office    REG_SZ    selm\r\n')).toEqual([]);
  });

  it('converts by the kind of each key and validates file and registry together; the registry wins per key', () => {
    const file = write('both.json', { office: 'luenen', sync: { intervalSeconds: 120, shareFolder: '\\\\old\\share' }, retention: { clientYears: 8 } });
    const registry: RegistrySource = { location: POLICY_REGISTRY_KEY, read: () => parseRegQuery(RECORDED) };
    const saved = process.env.ProgramData;
    process.env.ProgramData = 'C:\\ProgramData';
    try {
      const loaded = readMachinePolicy(file, registry);
      expect(loaded.policy).toEqual({
        ...DEFAULT_MACHINE_POLICY,
        office: 'werne',
        dataFolder: 'C:\\ProgramData\\KIM-Akte\\vault',
        accounts: { requireApproval: false },
        exports: { allowed: ['pdf', 'csv'] },
        lock: { idleMinutes: 5, maxIdleMinutes: 15 },
        sync: { intervalSeconds: 120, shareFolder: '\\\\rathaus-fs01\\KIM Akte\\sync' },
        retention: { ...DEFAULT_MACHINE_POLICY.retention, clientYears: 8 },
      });
      expect(loaded.sources).toEqual({
        office: 'registry',
        dataFolder: 'registry',
        'accounts.requireApproval': 'registry',
        'exports.allowed': 'registry',
        'lock.idleMinutes': 'registry',
        'lock.maxIdleMinutes': 'registry',
        'sync.shareFolder': 'registry',
        'sync.intervalSeconds': 'file',
        'retention.clientYears': 'file',
      });
      const view = policyView(loaded.policy, loaded.sources, { file, registry: loaded.registry });
      expect(view.entries.find((e) => e.key === 'backup.keep')).toEqual({ key: 'backup.keep', value: 14, source: 'default' });
      expect(view.entries.find((e) => e.key === 'backup.folder')).toEqual({ key: 'backup.folder', source: 'default' });
      expect(view.registryKey).toBe(POLICY_REGISTRY_KEY);
    } finally {
      if (saved === undefined) delete process.env.ProgramData;
      else process.env.ProgramData = saved;
    }
  });

  it('registry values alone are a policy; a comma-separated REG_SZ list and a "true" text switch are taken too', () => {
    const loaded = readMachinePolicy(join(tmp.dir, 'missing.json'), fake([
      { path: ['exports', 'allowed'], type: 'REG_SZ', data: 'pdf, xlsx' },
      { path: ['retention', 'vacuumAfterDeletion'], type: 'REG_SZ', data: 'true' },
      { path: ['sync', 'intervalSeconds'], type: 'REG_SZ', data: '90' },
    ]));
    expect(loaded.file).toBeNull();
    expect(loaded.policy.exports.allowed).toEqual(['pdf', 'xlsx']);
    expect(loaded.policy.retention.vacuumAfterDeletion).toBe(true);
    expect(loaded.policy.sync.intervalSeconds).toBe(90);
  });

  it('names the key, the rule and the registry as the source when a registry value breaks a rule', () => {
    const file = write('fine.json', { office: 'selm' });
    expect(refusal(() => readMachinePolicy(file, fake([{ path: ['lock', 'maxIdleMinutes'], type: 'REG_DWORD', data: '0x3e8' }])))).toEqual({
      code: 'policy.invalid',
      params: { file: POLICY_REGISTRY_KEY, source: 'registry', key: 'lock.maxIdleMinutes', rule: expect.stringMatching(/<=240/) as unknown },
    });
    expect(refusal(() => readMachinePolicy(file, fake([{ path: ['sync', 'sharefolder'], type: 'REG_SZ', data: '\\\\srv\\kim' }])))).toMatchObject({
      params: { source: 'registry', key: 'sync.sharefolder', rule: 'unknown key' },
    });
    expect(refusal(() => readMachinePolicy(file, fake([{ path: ['dataFolder'], type: 'REG_DWORD', data: '0x1' }])))).toMatchObject({
      params: { source: 'registry', key: 'dataFolder', rule: expect.stringContaining('expected string') as unknown },
    });
    // The file's own mistake is still the file's, also when the registry sets other keys.
    const bad = write('bad.json', { office: 'dortmund' });
    expect(refusal(() => readMachinePolicy(bad, fake([{ path: ['lock', 'idleMinutes'], type: 'REG_DWORD', data: '0x5' }])))).toMatchObject({
      params: { file: bad, source: 'file', key: 'office' },
    });
    const unreadable: RegistrySource = { location: POLICY_REGISTRY_KEY, read: () => { throw new Error('reg query failed (5)'); } };
    expect(refusal(() => readMachinePolicy(file, unreadable))).toEqual({
      code: 'policy.invalid',
      params: { file: POLICY_REGISTRY_KEY, source: 'registry', key: '(registry)', rule: 'unreadable (reg query failed (5))' },
    });
  });

  it('takes any text reg prints without throwing, and only named values under the policy key (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte', 'HKEY_LOCAL_MACHINE\\Software\\Policies\\KIM-Akte\\lock', '    office    REG_SZ    selm', '    (Default)    REG_SZ    x', '    n    REG_DWORD')), { maxLength: 12 }), (lines) => {
        for (const v of parseRegQuery(lines.join('\r\n'))) {
          expect(v.path.length).toBeGreaterThan(0);
          expect(v.path.at(-1)).not.toMatch(/^\(.*\)$/);
          expect(v.type).toMatch(/^REG_/);
        }
      }),
    );
  });

  it('has a registry only on Windows', () => {
    expect(machineRegistrySource('linux')).toBeNull();
    expect(machineRegistrySource('win32')?.location).toBe(POLICY_REGISTRY_KEY);
  });

  it('lists every key of the schema with a kind, and nothing else', () => {
    const leaves: string[] = [];
    const walk = (value: unknown, prefix: string) => {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) walk(v, key);
        else leaves.push(key);
      }
    };
    walk(machinePolicySchema.parse({ dataFolder: '/srv/kim', office: 'selm', sync: { shareFolder: '/mnt/kim' }, logs: { folder: '/var/log/kim' }, backup: { folder: '/srv/backup' } }), '');
    expect(POLICY_KEYS.map((k) => k.key).sort()).toEqual(leaves.sort());
  });

  it('reads back whatever valid values IT writes into the registry (property)', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 ÄÖÜäöüß_.-]{1,20}$/).filter((s) => s.trim() === s && s !== '');
    const arb = fc.record({
      intervalSeconds: fc.integer({ min: 15, max: 3600 }),
      idle: fc.integer({ min: 1, max: 240 }),
      extra: fc.integer({ min: 0, max: 240 }),
      allowed: fc.subarray([...EXPORT_KINDS], { minLength: 0 }),
      share: fc.array(text, { minLength: 1, maxLength: 3 }),
      requireApproval: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (p) => {
        const max = Math.min(240, p.idle + p.extra);
        const share = `\\\\srv\\${p.share.join('\\')}`;
        const lines = [
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KIM-Akte\\sync',
          `    intervalSeconds    REG_DWORD    0x${p.intervalSeconds.toString(16)}`,
          `    shareFolder    REG_SZ    ${share}`,
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KIM-Akte\\lock',
          `    idleMinutes    REG_DWORD    0x${p.idle.toString(16)}`,
          `    maxIdleMinutes    REG_DWORD    0x${max.toString(16)}`,
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KIM-Akte\\exports',
          `    allowed    REG_MULTI_SZ    ${p.allowed.join('\\0')}`,
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KIM-Akte\\accounts',
          `    requireApproval    REG_DWORD    0x${p.requireApproval ? 1 : 0}`,
        ];
        const loaded = readMachinePolicy(join(tmp.dir, 'none.json'), { location: POLICY_REGISTRY_KEY, read: () => parseRegQuery(lines.join('\r\n')) });
        expect(loaded.policy.sync).toEqual({ intervalSeconds: p.intervalSeconds, shareFolder: share });
        expect(loaded.policy.lock).toEqual({ idleMinutes: p.idle, maxIdleMinutes: max });
        expect(loaded.policy.exports.allowed).toEqual(p.allowed);
        expect(loaded.policy.accounts.requireApproval).toBe(p.requireApproval);
      }),
      { numRuns: 200 },
    );
  });
});
