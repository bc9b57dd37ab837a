import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppLogger } from '../../electron/main/app-log';
import { tempDir } from '../helpers/temp-vault';

describe('application log', () => {
  it('writes English lines and redacts fields that could carry secrets or personal data', () => {
    const tmp = tempDir();
    const log = createAppLogger(tmp.dir);
    log.info('session.unlock refused: Wrong user name or passphrase.', { code: 'unlock.failed', passphrase: 'Lippe-Ufer', displayName: 'Amina Haddad' });
    log.info('core worker crashed', { errorName: 'RangeError', input: { familyName: 'Haddad' } });
    const text = readFileSync(join(tmp.dir, 'kim-akte.log'), 'utf8');
    tmp.cleanup();
    expect(text).toContain('INFO session.unlock refused: Wrong user name or passphrase. {"code":"unlock.failed"');
    expect(text).toContain('"errorName":"RangeError"');
    for (const secret of ['Lippe-Ufer', 'Amina', 'Haddad']) expect(text).not.toContain(secret);
  });
});
