import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentViewModel, SignatureBlock } from '../../domain/documents/view-model';

const MM = 56.7; // twips per millimetre
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const p = (
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    center?: boolean;
    size?: number;
    underline?: boolean;
    indent?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 10 * MM } : undefined,
    spacing: { after: 120 },
    children: [
      new TextRun({
        text,
        bold: o.bold,
        italics: o.italics,
        size: (o.size ?? 14) * 2,
        underline: o.underline ? {} : undefined,
      }),
    ],
  });

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [p(b.text, { bold: true })];
    case 'paragraph':
      return [p(b.text, { indent: true })];
    case 'list':
      return b.items.map((i) => p(`- ${i}`));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [b.header, ...b.rows].map(
            (r, i) =>
              new TableRow({
                children: r.map(
                  (c, j) =>
                    new TableCell({
                      width: { size: b.widths[j] ?? 10, type: WidthType.PERCENTAGE },
                      children: [p(c, { bold: i === 0, size: 12 })],
                    }),
                ),
              }),
          ),
        }),
      ];
  }
}

function signature(s: SignatureBlock | null): Paragraph[] {
  if (!s) return [p('')];
  return [
    ...(s.authority ? [p(s.authority, { bold: true, center: true })] : []),
    p(s.position, { bold: true, center: true }),
    p(''),
    p(''),
    p(s.name, { bold: true, center: true }),
  ];
}

/** The same view model as a Word file (offices edit it before signing): A4, Decree 30 margins, page numbers from page 2. */
export async function renderDocx(vm: DocumentViewModel): Promise<Buffer> {
  const headerTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              p(vm.header.parentBody, { center: true, size: 13 }),
              p(vm.header.issuer, { center: true, bold: true, size: 13 }),
              p(vm.header.numberText, { center: true, size: 13 }),
            ],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              p(vm.header.nationalTitle, { center: true, bold: true, size: 13 }),
              p(vm.header.motto, { center: true, bold: true, underline: true }),
              p(vm.header.dateLine, { center: true, italics: true }),
            ],
          }),
        ],
      }),
    ],
  });
  const signatures = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [vm.signatures.left, vm.signatures.right].map(
          (s) =>
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children: signature(s),
            }),
        ),
      }),
    ],
  });
  const doc = new Document({
    creator: 'thidua',
    title: `${vm.title} – ${vm.subtitle}`,
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
        footers: {
          default: new Footer({ children: [p(vm.footer, { size: 8 })] }),
          first: new Footer({ children: [p(vm.footer, { size: 8 })] }),
        },
        children: [
          ...(vm.watermark ? [p(vm.watermark, { bold: true, center: true, size: 20 })] : []),
          headerTable,
          p(vm.title, { bold: true, center: true }),
          p(vm.subtitle, { bold: true, center: true }),
          ...(vm.addressee ? [p(vm.addressee, { center: true })] : []),
          ...vm.blocks.flatMap(block),
          signatures,
          p(vm.recipientsLabel, { bold: true, italics: true, size: 12 }),
          ...vm.recipients.map((r) => p(r, { size: 11 })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
