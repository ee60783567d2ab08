import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  Block,
  DocumentViewModel,
  SignatureBlock,
  SignatureStamp,
} from '../../domain/documents/view-model';
import { splitCitations } from '../../domain/documents/format';
import { shareDecodedFontTables } from './pdf-font-tables';

// pdfmake 0.3 server build: a singleton with fonts in its virtual file system. Loaded at the first
// PDF (requiring it costs a quarter of a second of start-up).
interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions, options?: object): { getBuffer(): Promise<Buffer> };
}
let pdfmake: PdfMake;

const MM = 72 / 25.4;
let ready = false;

/**
 * Loads the Tinos TTF (metric-compatible with Times New Roman, covers Vietnamese) once; no file or
 * URL access at render time. Renders share the fonts' decoded tables (see pdf-font-tables.ts).
 */
function init(): void {
  if (ready) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pdfmake = require('pdfmake') as PdfMake;
  const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  const files = {
    normal: '400Regular/Tinos_400Regular.ttf',
    bold: '700Bold/Tinos_700Bold.ttf',
    italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
    bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
  };
  const buffers = Object.values(files).map((f) => {
    const buf = fs.readFileSync(path.join(dir, f));
    pdfmake.virtualfs.writeFileSync(path.basename(f), buf);
    return buf;
  });
  shareDecodedFontTables(buffers);
  pdfmake.setFonts({
    Tinos: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.basename(f)])),
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** Running text with every document number kept whole on its line ("98/2023/NĐ-CP"). */
function inline(text: string): Content[] {
  return splitCitations(text).map((p) => (p.keep ? { text: p.text, noWrap: true } : p.text));
}

function block(b: Block): Content {
  switch (b.type) {
    case 'heading':
      return {
        text: inline(b.text),
        bold: true,
        alignment: b.center ? 'center' : 'left',
        margin: [0, 8, 0, 4],
      };
    case 'paragraph':
      return {
        text: [...(b.lead ? [{ text: `${b.lead} `, bold: true }] : []), ...inline(b.text)],
        alignment: 'justify',
        leadingIndent: 28,
        margin: [0, 0, 0, 6],
      };
    case 'list':
      return { ul: b.items.map((i) => ({ text: inline(i) })), margin: [0, 0, 0, 6] };
    case 'table':
      return {
        stack: [
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: b.widths.map((w) => `${w}%`),
              body: [
                b.header.map((h) => ({ text: h, bold: true, alignment: 'center' as const })),
                ...b.rows.map((r) =>
                  r.map((c, j) => ({ text: inline(c), alignment: b.align[j] ?? 'left' })),
                ),
              ],
            },
          },
          ...(b.note ? [{ text: inline(b.note), italics: true, margin: [0, 2, 0, 0] }] : []),
        ],
        fontSize: b.fontSize ?? 12,
        margin: [0, 2, 0, 8],
      } as Content;
  }
}

/**
 * The signature and seal images of a signed PDF: the signature centred in the column; the seal at
 * its real size drawn over it (a detached block, so the flow is not moved), its right edge a third of
 * the way into the signature image and its centre level with the signature's.
 */
function stamp(st: SignatureStamp): Content {
  const sigW = st.signatureWidthMm * MM;
  const sigH = sigW * st.signatureAspect;
  const sealW = st.sealDiameterMm * MM;
  const sealH = sealW * st.sealAspect;
  return {
    stack: [
      {
        columns: [
          { width: '*', text: '' },
          {
            width: sigW,
            stack: [
              { image: st.signatureImage, width: sigW, height: sigH },
              {
                image: st.sealImage,
                width: sealW,
                height: sealH,
                relativePosition: { x: sigW / 3 - sealW, y: -(sigH + sealH) / 2 },
              },
            ],
          },
          { width: '*', text: '' },
        ],
        margin: [0, 6, 0, 2],
      },
      ...st.lines.map((l) => ({ text: l, fontSize: 10, bold: false, color: '#000000' })),
    ],
    margin: [0, 0, 0, 4],
  };
}

function signature(s: SignatureBlock | null): Content {
  if (!s) return { text: '' };
  return {
    stack: [
      ...(s.authority ? [{ text: s.authority, bold: true }] : []),
      { text: s.position, bold: true },
      s.stamp ? stamp(s.stamp) : { text: ' ', margin: [0, 0, 0, 50] },
      { text: s.name, bold: true },
    ],
    alignment: 'center',
  };
}

function recipients(vm: DocumentViewModel): Content {
  return {
    stack: [
      { text: vm.recipientsLabel, italics: true, bold: true, fontSize: 12 },
      ...vm.recipients.map((r) => ({ text: inline(r), fontSize: 11 })),
    ],
    alignment: 'left',
  };
}

/**
 * Decree 30 closing: "Nơi nhận:" bottom left, level with the signature when the first row's left
 * slot is free, otherwise under the signature rows; all of it kept on one page with the closing
 * paragraph, so that neither the recipients nor the signature stand alone on a last page.
 */
function closing(vm: DocumentViewModel): Content[] {
  const first = vm.signatures[0];
  const besideSignature = first !== undefined && first.left === null;
  const rows: Content[] = vm.signatures.map((row, i) => ({
    columns: [
      i === 0 && besideSignature ? recipients(vm) : signature(row.left),
      signature(row.right),
    ],
    columnGap: 12,
    margin: [0, i === 0 ? 16 : 12, 0, 0],
  }));
  return [
    ...rows,
    ...(besideSignature ? [] : [{ ...(recipients(vm) as object), margin: [0, 16, 0, 0] }]),
  ] as Content[];
}

/** The short rule under the issuer's name (ND 30: a third to a half of the line above; the stack centres it). */
function ruleUnder(columnWidth: number): Content {
  const length = columnWidth / 3;
  return {
    canvas: [{ type: 'line', x1: 0, y1: 2, x2: length, y2: 2, lineWidth: 0.6 }],
    margin: [0, 0, 0, 6],
  };
}

/** The header's left column (the issuer); the right one takes the rest, 103 mm for the 95 mm national title. */
const HEADER_LEFT = 62 * MM;

/**
 * The same view model laid out by pdfmake: A4, Decree 30 margins and header, page numbers at the top
 * from page 2. The data's SHA-256 goes to the file's metadata (subject, keywords), not onto the page.
 */
export async function renderPdf(vm: DocumentViewModel): Promise<Buffer> {
  init();
  const blocks = vm.blocks.map(block);
  const last = blocks.pop();
  const leftWidth = HEADER_LEFT;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    defaultStyle: { font: 'Tinos', fontSize: 14, lineHeight: 1.15 },
    info: {
      title: `${vm.title} – ${vm.subtitle}`,
      subject: vm.integrity.text,
      keywords: `sha256:${vm.integrity.sha256} template:${vm.integrity.templateVersion}`,
      creator: 'thidua',
      producer: 'thidua',
      creationDate: new Date(0),
    },
    header: (page: number) =>
      page > 1
        ? { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] }
        : null,
    ...(vm.watermark
      ? { watermark: { text: vm.watermark, color: '#cc0000', opacity: 0.15, bold: true } }
      : {}),
    content: [
      ...(vm.watermark
        ? [
            {
              text: vm.watermark,
              bold: true,
              color: '#cc0000',
              alignment: 'right' as const,
              fontSize: 12,
            },
          ]
        : []),
      {
        columns: [
          {
            width: leftWidth,
            stack: [
              ...(vm.header.parentBody ? [{ text: vm.header.parentBody, fontSize: 13 }] : []),
              { text: vm.header.issuer, fontSize: 13, bold: true },
              ruleUnder(leftWidth),
              { text: inline(vm.header.numberText), fontSize: 13 },
            ],
            alignment: 'center',
          },
          {
            width: '*',
            stack: [
              { text: vm.header.nationalTitle, fontSize: 13, bold: true, noWrap: true },
              { text: vm.header.motto, bold: true, decoration: 'underline' },
              { text: vm.header.dateLine, italics: true, margin: [0, 8, 0, 0] },
            ],
            alignment: 'center',
          },
        ],
      },
      { text: vm.title, bold: true, alignment: 'center', margin: [0, 18, 0, 0] },
      { text: inline(vm.subtitle), bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      ...(vm.addressee
        ? [
            {
              text: vm.addressee,
              alignment: 'center' as const,
              margin: [0, 0, 0, 12] as [number, number, number, number],
            },
          ]
        : []),
      ...blocks,
      { stack: [...(last ? [last] : []), ...closing(vm)], unbreakable: true },
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/**
 * A page laid out by its caller (the voting slips of issue 18) with the same pdfmake setup: Tinos
 * embedded, no file or URL access; a fixed creation date so the same input gives the same bytes.
 */
export async function renderPdfDefinition(doc: TDocumentDefinitions): Promise<Buffer> {
  init();
  return pdfmake
    .createPdf({
      ...doc,
      defaultStyle: { font: 'Tinos', fontSize: 11, ...doc.defaultStyle },
      info: { creator: 'thidua', producer: 'thidua', creationDate: new Date(0), ...doc.info },
    })
    .getBuffer();
}
