import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { splitCitations } from '../../domain/documents/format';
import type {
  Block,
  CellAlign,
  DocumentViewModel,
  SignatureBlock,
} from '../../domain/documents/view-model';

const MM = 56.7; // twips per millimetre
/** A4 (210 mm) less the Decree 30 margins (30 mm left, 15 mm right). */
const TEXT_WIDTH = Math.round((210 - 30 - 15) * MM);
/** The header's columns: the issuer on the left, the national title (95 mm in bold 13 pt) on the right. */
const HEADER_LEFT = Math.round(62 * MM);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const WORD_JOINER = '\u2060';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const TIGHT = { top: 0, bottom: 0, left: 0, right: 0 };
/** About 1 mm each side: Word's default 1.9 mm leaves narrow number columns too little room. */
const CELL = { top: 20, bottom: 20, left: 60, right: 60 };

const ALIGN: Record<CellAlign | 'justify', (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/**
 * Word breaks lines after "/" and "-": a word joiner after each of them keeps a document number
 * ("98/2023/NĐ-CP") whole on its line; it is invisible and adds no space.
 */
export function joinCitations(text: string): string {
  return splitCitations(text)
    .map((p) => (p.keep ? p.text.replace(/([/-])/g, `$1${WORD_JOINER}`) : p.text))
    .join('');
}

interface ParaOptions {
  bold?: boolean;
  italics?: boolean;
  align?: CellAlign | 'justify';
  size?: number;
  underline?: boolean;
  indent?: boolean;
  lead?: string;
  after?: number;
  keepNext?: boolean;
}

const p = (text: string, o: ParaOptions = {}) =>
  new Paragraph({
    alignment: ALIGN[o.align ?? 'justify'],
    indent: o.indent ? { firstLine: 10 * MM } : undefined,
    spacing: { after: o.after ?? 120 },
    keepNext: o.keepNext,
    keepLines: o.keepNext,
    children: [
      ...(o.lead
        ? [new TextRun({ text: `${o.lead} `, bold: true, size: (o.size ?? 14) * 2 })]
        : []),
      new TextRun({
        text: joinCitations(text),
        bold: o.bold,
        italics: o.italics,
        size: (o.size ?? 14) * 2,
        underline: o.underline ? {} : undefined,
      }),
    ],
  });

/** A table with fixed column widths in twips (LibreOffice ignores per-cent widths without a grid). */
function fixedTable(widths: readonly number[], rows: TableRow[], borders?: typeof NO_BORDERS) {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    ...(borders ? { borders } : {}),
    rows,
  });
}

function block(b: Block, keepNext: boolean): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [p(b.text, { bold: true, align: b.center ? 'center' : 'left', keepNext: true })];
    case 'paragraph':
      return [p(b.text, { indent: true, lead: b.lead, keepNext })];
    case 'list':
      return b.items.map((i) => p(`- ${i}`, { keepNext }));
    case 'table': {
      const widths = b.widths.map((w) => Math.floor((TEXT_WIDTH * w) / 100));
      const size = b.fontSize ?? 12;
      const table = fixedTable(
        widths,
        [b.header, ...b.rows].map(
          (r, i) =>
            new TableRow({
              tableHeader: i === 0,
              cantSplit: true,
              children: r.map(
                (c, j) =>
                  new TableCell({
                    width: { size: widths[j] ?? 0, type: WidthType.DXA },
                    margins: CELL,
                    children: [
                      p(c, {
                        bold: i === 0,
                        size,
                        after: 0,
                        align: i === 0 ? 'center' : (b.align[j] ?? 'left'),
                      }),
                    ],
                  }),
              ),
            }),
        ),
      );
      return b.note
        ? [table, p(b.note, { italics: true, size, align: 'left', keepNext })]
        : [table, p('', { after: 0, size: 6 })];
    }
  }
}

function signature(s: SignatureBlock | null): Paragraph[] {
  if (!s) return [p('', { keepNext: true })];
  const o = { bold: true, align: 'center' as const, keepNext: true, after: 0 };
  return [
    ...(s.authority ? [p(s.authority, o)] : []),
    p(s.position, o),
    p('', o),
    p('', o),
    p('', o),
    p(s.name, o),
  ];
}

function recipients(vm: DocumentViewModel): Paragraph[] {
  return [
    p(vm.recipientsLabel, {
      bold: true,
      italics: true,
      size: 12,
      align: 'left',
      after: 0,
      keepNext: true,
    }),
    ...vm.recipients.map((r) => p(r, { size: 11, align: 'left', after: 0, keepNext: true })),
  ];
}

/** Decree 30 closing, as in the PDF: "Nơi nhận:" bottom left, level with the signature when that slot is free. */
function closing(vm: DocumentViewModel): (Paragraph | Table)[] {
  const half = Math.floor(TEXT_WIDTH / 2);
  const besideSignature = vm.signatures[0]?.left === null;
  const cell = (children: Paragraph[]) =>
    new TableCell({ width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS, children });
  const table = fixedTable(
    [half, half],
    vm.signatures.map(
      (row, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([
              ...(i > 0 ? [p('', { keepNext: true })] : []),
              ...(i === 0 && besideSignature ? recipients(vm) : signature(row.left)),
            ]),
            cell([...(i > 0 ? [p('', { keepNext: true })] : []), ...signature(row.right)]),
          ],
        }),
    ),
    NO_BORDERS,
  );
  return [p('', { keepNext: true, after: 0 }), table, ...(besideSignature ? [] : recipients(vm))];
}

/**
 * The same view model as a Word file (offices edit it before signing): A4, Decree 30 margins, page
 * numbers from page 2. The data's SHA-256 is in the file's properties (description, keywords), not on
 * the page.
 */
export async function renderDocx(vm: DocumentViewModel): Promise<Buffer> {
  const headerCell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
      margins: TIGHT,
      children,
    });
  const ruleInset = Math.round(HEADER_LEFT / 3);
  const headerTable = fixedTable(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      new TableRow({
        children: [
          headerCell(HEADER_LEFT, [
            ...(vm.header.parentBody
              ? [p(vm.header.parentBody, { align: 'center', size: 13, after: 0 })]
              : []),
            p(vm.header.issuer, { align: 'center', bold: true, size: 13, after: 0 }),
            // The short rule under the issuer: a bottom border on an empty paragraph inset from both sides.
            new Paragraph({
              indent: { left: ruleInset, right: ruleInset },
              spacing: { after: 120 },
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
              children: [new TextRun({ text: '', size: 8 })],
            }),
            p(vm.header.numberText, { align: 'center', size: 13 }),
          ]),
          headerCell(HEADER_RIGHT, [
            p(vm.header.nationalTitle, { align: 'center', bold: true, size: 13, after: 0 }),
            p(vm.header.motto, { align: 'center', bold: true, underline: true }),
            p(vm.header.dateLine, { align: 'center', italics: true }),
          ]),
        ],
      }),
    ],
    NO_BORDERS,
  );
  const body = vm.blocks.flatMap((b, i) => block(b, i === vm.blocks.length - 1));
  const doc = new Document({
    creator: 'thidua',
    title: `${vm.title} – ${vm.subtitle}`,
    subject: vm.integrity.text,
    description: vm.integrity.text,
    keywords: `sha256:${vm.integrity.sha256} template:${vm.integrity.templateVersion}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } },
        },
        headers: {
          first: new Header({ children: [p('')] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })],
              }),
            ],
          }),
        },
        children: [
          ...(vm.watermark ? [p(vm.watermark, { bold: true, align: 'right', size: 12 })] : []),
          headerTable,
          p(vm.title, { bold: true, align: 'center', after: 0 }),
          p(vm.subtitle, { bold: true, align: 'center' }),
          ...(vm.addressee ? [p(vm.addressee, { align: 'center' })] : []),
          ...body,
          ...closing(vm),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
