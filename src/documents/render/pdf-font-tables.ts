/*
 * Decoded font tables shared between PDF renders. pdfkit parses each font anew for every document
 * (fontkit.create on the bytes), and fontkit decodes a font's tables lazily, once per parsed font:
 * every render decoded Tinos' GSUB/GPOS lookups (its kerning classes) again, about two thirds of a
 * warm render. pdfmake and pdfkit offer no option to reuse a parsed font, so this wraps pdfmake's
 * PDFDocument.provideFont, the one place pdfmake gets a font for a document: a font parsed from a
 * registered file decodes into the first parsed font's table cache, through its prototype.
 *
 * Only the decoded tables are shared, which are plain functions of the font bytes; the parsed font,
 * its glyph objects and pdfkit's subset stay per document (a fontkit glyph keeps the code points of
 * its first use, which the ToUnicode map reads, so sharing glyphs made the output depend on what the
 * process had rendered before). fontkit decodes synchronously and restores its stream position, and
 * no decode spans an await, so renders in flight together only ever add to the same caches.
 * Anything unexpected in these internals leaves pdfmake as it is (slower, same output).
 */

/** The parts of a fontkit TTFFont that this relies on. */
interface ParsedFont {
  _tables: object;
  stream?: { buffer?: unknown };
}

interface PdfmakeDocumentModule {
  default?: {
    prototype: {
      provideFont?: (family: string, bold: boolean, italics: boolean) => { font?: unknown };
    };
  };
}

/** Per registered font file: the table cache of the first font parsed from it, once there is one. */
const tablesByFile = new WeakMap<Uint8Array, object | null>();
let filesWithSharedTables = 0;
let installed = false;

function isParsedFont(font: unknown): font is ParsedFont {
  return (
    typeof font === 'object' && font !== null && typeof (font as ParsedFont)._tables === 'object'
  );
}

function shareTables(font: unknown): void {
  if (!isParsedFont(font)) return;
  const file = font.stream?.buffer;
  if (!(file instanceof Uint8Array) || !tablesByFile.has(file)) return;
  const tables = tablesByFile.get(file);
  if (!tables) {
    tablesByFile.set(file, font._tables);
    filesWithSharedTables++;
  } else if (font._tables !== tables && Object.getPrototypeOf(font._tables) !== tables) {
    font._tables = Object.create(tables) as object;
  }
}

/**
 * Makes PDF documents share the decoded tables of fonts parsed from these exact buffers (the ones
 * written into pdfmake's virtual file system). Call once pdfmake is loaded.
 */
export function shareDecodedFontTables(files: readonly Uint8Array[]): void {
  for (const f of files) if (!tablesByFile.has(f)) tablesByFile.set(f, null);
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const proto = (require('pdfmake/js/PDFDocument') as PdfmakeDocumentModule).default?.prototype;
  const provideFont = proto?.provideFont;
  if (!proto || typeof provideFont !== 'function') return;
  proto.provideFont = function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const embedded = provideFont.call(this, family, bold, italics);
    shareTables(embedded?.font);
    return embedded;
  };
}

/** How many registered font files have a shared table cache (for tests: 0 means the wrap no longer applies). */
export function fontFilesWithSharedTables(): number {
  return filesWithSharedTables;
}
