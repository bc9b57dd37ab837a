import { describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../../electron/core/contract/machine-policy';
import { POLICY_KEYS } from '../../electron/core/contract/machine-policy-keys';
import { EXPORT_METHOD_KINDS } from '../../electron/core/contract/export-methods';
import { PRINT_METHODS } from '../../electron/core/contract/methods';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';

const lookup = (tree: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('texts of the machine policy view', () => {
  it('labels every policy key, source and export kind in German and English', () => {
    for (const texts of [de, en]) {
      for (const { key } of POLICY_KEYS) expect(typeof lookup(texts, `machinePolicy.keys.${key}`), key).toBe('string');
      for (const kind of EXPORT_KINDS) expect(typeof lookup(texts, `machinePolicy.exportKinds.${kind}`), kind).toBe('string');
      for (const source of ['file', 'registry', 'default']) expect(typeof lookup(texts, `machinePolicy.sources.${source}`)).toBe('string');
    }
  });

  it('treats every print as a PDF export, so exports.allowed reaches each of them', () => {
    for (const method of PRINT_METHODS) expect(EXPORT_METHOD_KINDS[method], method).toBe('pdf');
  });
});
