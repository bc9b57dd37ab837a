import type { ExportKind } from './machine-policy';
import type { MethodName } from './methods';

/**
 * Every method that writes data out of the vault, and the kind of file it makes: the core refuses a kind the machine
 * policy leaves out (`exports.allowed`) with `policy.exportNotAllowed` before the handler runs, and the renderer
 * disables the same buttons from this table. A print becomes a PDF; the audit export is a CSV.
 */
export const EXPORT_METHOD_KINDS = {
  'statistics.exportCsv': 'csv',
  'statistics.exportXlsx': 'xlsx',
  'statistics.print': 'pdf',
  'statistics.exportCombinedCsv': 'csv',
  'statistics.exportCombinedXlsx': 'xlsx',
  'statistics.printCombined': 'pdf',
  'audit.exportCsv': 'csv',
  'consents.printForm': 'pdf',
  'referrals.print': 'pdf',
  'conferences.printMinutes': 'pdf',
  'dataSubject.accessReport': 'pdf',
  'deletions.exportArchive': 'archive',
} as const satisfies Partial<Record<MethodName, ExportKind>>;

export type ExportMethod = keyof typeof EXPORT_METHOD_KINDS;

/** The kind of file a method exports, or null when it exports nothing. */
export function exportKindOf(method: string): ExportKind | null {
  return Object.prototype.hasOwnProperty.call(EXPORT_METHOD_KINDS, method) ? EXPORT_METHOD_KINDS[method as ExportMethod] : null;
}

/** Whether the policy allows the kind of file a method exports (true for methods that export nothing). */
export function exportAllowed(method: string, allowed: readonly ExportKind[]): boolean {
  const kind = exportKindOf(method);
  return kind === null || allowed.includes(kind);
}
