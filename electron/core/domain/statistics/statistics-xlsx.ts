import type { StatisticsReport } from '../../contract/types/statistics-types';
import type { StatisticsDefinitions } from './statistics-definitions';
import { reportRows } from './statistics-layout';

/**
 * The report as an Excel workbook (exceljs): the same rows as the CSV on one sheet "Statistik", counts as numbers
 * (so offices can add up), '<5' and 'x' as text, headings bold. Values are written as values, never as formulas.
 * exceljs is loaded on the first export, not at the core's start.
 */
export async function statisticsXlsx(r: StatisticsReport, defs: StatisticsDefinitions, createdAt: Date): Promise<Buffer> {
  const loaded = await import('exceljs');
  const ExcelJS = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  const book = new ExcelJS.Workbook();
  book.creator = 'KIM-Akte';
  book.created = createdAt;
  book.modified = createdAt;
  const sheet = book.addWorksheet('Statistik');
  sheet.columns = [{ width: 48 }, ...Array.from({ length: 7 }, () => ({ width: 16 }))];
  for (const row of reportRows(r, defs)) {
    const added = sheet.addRow(row.values);
    if (row.kind === 'title' || row.kind === 'heading' || row.kind === 'header' || row.kind === 'total') added.font = { bold: true, size: row.kind === 'title' ? 14 : 11 };
    if (row.kind === 'definition' || row.kind === 'note') added.alignment = { wrapText: false, vertical: 'top' };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
