import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kimAkte } from '../helpers/cli';
import { ADMIN_PASSPHRASE, tempDir } from '../helpers/temp-vault';

describe('kim-akte policy check --file (issue 13, item 1)', () => {
  const tmp = tempDir('kim-akte-policy-cli-');
  afterAll(() => tmp.cleanup());
  const write = (name: string, text: string) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('accepts a valid file and lists every key with its value and whether the file sets it', () => {
    const file = write('policy.json', JSON.stringify({ office: 'werne', sync: { shareFolder: '\\\\rathaus\\kim' }, lock: { maxIdleMinutes: 30 }, exports: { allowed: ['pdf', 'csv'] } }));
    const r = kimAkte(['policy', 'check', '--file', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`The policy file ${file} is valid: it sets 4 of 16 keys.`);
    expect(r.stdout).toContain('  office = werne  (file)\n');
    expect(r.stdout).toContain('  sync.shareFolder = \\\\rathaus\\kim  (file)\n');
    expect(r.stdout).toContain('  exports.allowed = pdf, csv  (file)\n');
    expect(r.stdout).toContain('  lock.idleMinutes = 10  (default)\n');
    expect(r.stdout).toContain('  dataFolder = (unset)  (default)\n');
    const json = kimAkte(['policy', 'check', '--file', file, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, entries: expect.arrayContaining([{ key: 'lock.maxIdleMinutes', value: 30, source: 'file' }]) as unknown });
  });

  it.each([
    ['typo.json', '{"lock":{"idleMinutess":5}}', 'lock.idleMinutess: unknown key'],
    ['rule.json', '{"lock":{"idleMinutes":30,"maxIdleMinutes":15}}', 'lock.idleMinutes: idleMinutes must not exceed maxIdleMinutes'],
    ['relative.json', '{"dataFolder":"vault"}', 'dataFolder: must be an absolute path'],
    ['office.json', '{"office":"dortmund"}', 'office: '],
    ['export.json', '{"exports":{"allowed":["docx"]}}', 'exports.allowed.0: '],
    ['broken.json', '{"office": ', '(file): not valid JSON'],
  ])('refuses %s naming the key and the rule, exit 11, no stack trace', (name, text, named) => {
    const file = write(name, text);
    const r = kimAkte(['policy', 'check', '--file', file]);
    expect(r.code).toBe(11);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Error: The machine policy file ${file} is invalid: ${named}`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a missing file, a folder, and usage errors with clear lines', () => {
    const missing = kimAkte(['policy', 'check', '--file', join(tmp.dir, 'none.json')]);
    expect(missing).toMatchObject({ code: 11, stderr: `Error: The policy file ${join(tmp.dir, 'none.json')} does not exist.\n` });
    expect(kimAkte(['policy', 'check', '--file', tmp.dir])).toMatchObject({ code: 11, stderr: `Error: ${tmp.dir} is not a file.\n` });
    expect(kimAkte(['policy', 'check']).code).toBe(2);
    const registry = kimAkte(['policy', 'check', '--file', write('ok.json', '{}'), '--registry']);
    expect(registry).toMatchObject({ code: 2, stderr: 'Error: --registry works on Windows only: there is no registry on this machine.\n' });
  });

  it('the other commands honour the machine policy too: a vault of another office exits 11 before any passphrase is asked', () => {
    const dataDir = join(tmp.dir, 'vault');
    const init = kimAkte(['init', '--data-dir', dataDir, '--office', 'selm', '--admin-user', 'it.meier', '--admin-name', 'Jonas Meier'], ADMIN_PASSPHRASE);
    expect(init.code).toBe(0);
    const policy = write('werne.json', '{"office":"werne"}');
    const r = kimAkte(['info', '--data-dir', dataDir, '--user', 'it.meier'], ADMIN_PASSPHRASE, { KIM_AKTE_POLICY_FILE: policy });
    expect(r.code).toBe(11);
    expect(r.stderr).toBe("Error: The vault in this data folder belongs to office selm, but the machine policy sets office werne; it is not opened. Check the policy's office and dataFolder.\n");
    expect(kimAkte(['info', '--data-dir', dataDir, '--user', 'it.meier'], ADMIN_PASSPHRASE, { KIM_AKTE_POLICY_FILE: write('selm.json', '{"office":"selm"}') }).code).toBe(0);
  });
});
