import { describe, expect, it } from 'vitest';
import { EXPORT_METHOD_KINDS } from '../../electron/core/contract/export-methods';
import { contract, PRINT_METHODS } from '../../electron/core/contract/methods';

/** The machine policy's `exports.allowed` can only refuse what the export table knows: every print and file export is in it. */
describe('export methods under the machine policy', () => {
  it('names every print and every method that answers a file', () => {
    const exporting = Object.keys(contract).filter((m) => /\.(export\w*|print\w*|accessReport)$/.test(m) || (PRINT_METHODS as readonly string[]).includes(m));
    expect(exporting.filter((m) => !(m in EXPORT_METHOD_KINDS))).toEqual([]);
  });
});
