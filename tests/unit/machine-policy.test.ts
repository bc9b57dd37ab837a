import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE_POLICY } from '../../electron/core/contract/machine-policy';
import { policyFilePath, readMachinePolicy } from '../../electron/core/platform/policy/machine-policy';
import { AppError } from '../../electron/core/contract/errors';
import { tempDir } from '../helpers/temp-vault';

describe('machine policy file', () => {
  const tmp = tempDir('kim-akte-policy-');
  afterAll(() => tmp.cleanup());
  const write = (name: string, text: string) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, text);
    return file;
  };
  const refusal = (file: string) => {
    try {
      readMachinePolicy(file);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).toPayload();
    }
    throw new Error('expected policy.invalid');
  };

  it('lives where IT places it per platform, unless KIM_AKTE_POLICY_FILE points elsewhere', () => {
    expect(policyFilePath({}, 'linux')).toBe('/etc/kim-akte/policy.json');
    expect(policyFilePath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe(join('D:\\ProgramData', 'KIM-Akte', 'policy.json'));
    expect(policyFilePath({ KIM_AKTE_POLICY_FILE: '/tmp/p.json' }, 'win32')).toBe('/tmp/p.json');
  });

  it('asks for approval by default: no file, an empty object, or a file saved with a BOM by Notepad', () => {
    expect(readMachinePolicy(join(tmp.dir, 'missing.json'), null)).toEqual({ policy: DEFAULT_MACHINE_POLICY, file: null, registry: null, sources: {} });
    expect(DEFAULT_MACHINE_POLICY).toEqual({
      accounts: { requireApproval: true },
      sync: { intervalSeconds: 60 },
      lock: { idleMinutes: 10, maxIdleMinutes: 60 },
      logs: { keepDays: 30 },
      exports: { allowed: ['pdf', 'csv', 'xlsx', 'archive'] },
      backup: { intervalHours: 24, keep: 14 },
      retention: { clientYears: 10, contactYears: 3, vacuumAfterDeletion: false },
    });
    expect(readMachinePolicy(write('empty.json', '{}')).policy).toEqual(DEFAULT_MACHINE_POLICY);
    expect(readMachinePolicy(write('bom.json', '\uFEFF{"accounts":{"requireApproval":false}}')).policy).toEqual({
      ...DEFAULT_MACHINE_POLICY,
      accounts: { requireApproval: false },
    });
  });

  it('takes retention periods in whole years within bounds, each key with its default', () => {
    expect(readMachinePolicy(write('retention.json', '{"retention":{"clientYears":6}}')).policy.retention).toEqual({ clientYears: 6, contactYears: 3, vacuumAfterDeletion: false });
    expect(() => readMachinePolicy(write('retention-0.json', '{"retention":{"contactYears":0}}'))).toThrow(/retention\.contactYears/);
    expect(() => readMachinePolicy(write('retention-frac.json', '{"retention":{"clientYears":7.5}}'))).toThrow(/retention\.clientYears/);
    expect(() => readMachinePolicy(write('retention-typo.json', '{"retention":{"clientyears":7}}'))).toThrow(/retention\.clientyears/);
  });

  it('takes folders only as absolute paths, and an idle lock within the maximum IT allows', () => {
    const ok = readMachinePolicy(write('folders.json', JSON.stringify({ dataFolder: 'D:\\KIM\\vault', sync: { shareFolder: '\\\\rathaus\\kim' }, logs: { folder: '/var/log/kim-akte' }, office: 'werne' }))).policy;
    expect(ok).toMatchObject({ dataFolder: 'D:\\KIM\\vault', office: 'werne', sync: { shareFolder: '\\\\rathaus\\kim' }, logs: { folder: '/var/log/kim-akte' } });
    expect(() => readMachinePolicy(write('relative.json', '{"backup":{"folder":"backups"}}'))).toThrow(/backup\.folder/);
    expect(() => readMachinePolicy(write('office.json', '{"office":"dortmund"}'))).toThrow(/office/);
    expect(refusal(write('lock.json', '{"lock":{"idleMinutes":30,"maxIdleMinutes":15}}'))).toMatchObject({ params: { key: 'lock.idleMinutes', rule: 'idleMinutes must not exceed maxIdleMinutes' } });
    expect(() => readMachinePolicy(write('export.json', '{"exports":{"allowed":["docx"]}}'))).toThrow(/exports\.allowed/);
  });

  it('refuses a broken file naming the key and the rule', () => {
    const json = write('broken.json', '{"accounts": ');
    expect(refusal(json)).toEqual({ code: 'policy.invalid', params: { file: json, source: 'file', key: '(file)', rule: 'not valid JSON' } });
    const typo = write('typo.json', '{"accounts":{"requireAproval":false}}');
    expect(refusal(typo)).toEqual({ code: 'policy.invalid', params: { file: typo, source: 'file', key: 'accounts.requireAproval', rule: 'unknown key' } });
    const wrongType = write('type.json', '{"accounts":{"requireApproval":"no"}}');
    expect(refusal(wrongType)).toMatchObject({ params: { key: 'accounts.requireApproval', rule: expect.stringContaining('expected boolean') } });
    expect(refusal(tmp.dir)).toMatchObject({ params: { key: '(file)', rule: 'unreadable (EISDIR)' } });
  });
});
