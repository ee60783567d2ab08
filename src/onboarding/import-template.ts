import { excel } from '../common/lazy/exceljs';

interface TemplateColumn {
  readonly label: string;
  readonly required: boolean;
  readonly hint: string;
}

/**
 * An import template: the first sheet holds the header row to fill in (the only sheet read back),
 * the second explains each column. CSV holds the header row only (UTF-8 with BOM for Excel).
 */
export async function writeTemplate(
  title: string,
  columns: Readonly<Record<string, TemplateColumn>>,
  format: 'xlsx' | 'csv',
): Promise<Buffer> {
  const defs = Object.values(columns);
  if (format === 'csv')
    return Buffer.from(`\uFEFF${defs.map((d) => d.label).join(',')}\r\n`, 'utf8');
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(defs.map((d) => d.label));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 22));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('Hướng dẫn');
  help.addRow([title]);
  help.getRow(1).font = { bold: true };
  help.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  help.getRow(2).font = { bold: true };
  for (const d of defs) help.addRow([d.label, d.required ? 'có' : 'không', d.hint]);
  help.getColumn(1).width = 26;
  help.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
