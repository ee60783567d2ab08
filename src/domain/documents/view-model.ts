/** The documents a bloc meeting produces (brief §3.6). */
export const DOC_KINDS = [
  'MINUTES',
  'VOTE_COUNT',
  'PROPOSAL',
  'RESOLUTION',
  'SCORE_TABLE',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Type abbreviation of each document in its number (ND 30 Appendix III). */
export const DOC_TYPE_SYMBOL: Readonly<Record<DocKind, string>> = {
  MINUTES: 'BB',
  VOTE_COUNT: 'BB',
  PROPOSAL: 'TTr',
  RESOLUTION: 'NQ',
  SCORE_TABLE: 'BTH',
};

export const DOC_KIND_LABELS: Readonly<Record<DocKind, string>> = {
  MINUTES: 'Biên bản họp bình xét, suy tôn',
  VOTE_COUNT: 'Biên bản kiểm phiếu',
  PROPOSAL: 'Tờ trình đề nghị khen thưởng',
  RESOLUTION: 'Nghị quyết hội nghị',
  SCORE_TABLE: 'Bảng tổng hợp điểm thi đua',
};

/** How a table column's cells are aligned: text left, short labels centred, numbers right (never justified). */
export type CellAlign = 'left' | 'center' | 'right';

export type Block =
  /** A section heading; `center` for "QUYẾT NGHỊ:" and the like. */
  | { readonly type: 'heading'; readonly text: string; readonly center?: boolean }
  /** A paragraph; `lead` ("Điều 1.") is printed bold before the text. */
  | { readonly type: 'paragraph'; readonly text: string; readonly lead?: string }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | {
      readonly type: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Column widths in per cent of the text width. */
      readonly widths: readonly number[];
      readonly align: readonly CellAlign[];
      /** Smaller print for wide tables (points; 12 by default). */
      readonly fontSize?: number;
      /** Explains abbreviated column headings, printed under the table. */
      readonly note?: string;
    };

export interface SignatureBlock {
  /** "TM. KHỐI THI ĐUA", "THƯ KÝ"… */
  readonly authority: string | null;
  readonly position: string;
  readonly name: string;
  /** On a digitally signed PDF only: the images and lines of the signature (Decree 30, App. I, II). */
  readonly stamp?: SignatureStamp;
}

/**
 * What a digital signature shows on the page (Decree 30/2020, Appendix I, part II): the signer's
 * signature image (blue, transparent PNG) centred between the position and the name; the
 * organization's seal (red, transparent PNG) at its real size over about a third of the signature
 * image, on its left; and the organization's name and the signing time in Times New Roman 10, black.
 */
export interface SignatureStamp {
  /** PNG as a data: URL. */
  readonly signatureImage: string;
  readonly signatureWidthMm: number;
  /** Height over width of the signature image. */
  readonly signatureAspect: number;
  readonly sealImage: string;
  readonly sealDiameterMm: number;
  readonly sealAspect: number;
  readonly lines: readonly string[];
}

export interface SignatureRow {
  readonly left: SignatureBlock | null;
  readonly right: SignatureBlock | null;
}

export interface DocumentIntegrity {
  readonly sha256: string;
  readonly templateVersion: string;
  /** One line for the file's metadata (PDF subject, Word description). */
  readonly text: string;
}

/**
 * Everything a document says, built by a pure function from locked data. The HTML template, the
 * PDF and the Word renderers only lay these fields out and add no wording of their own.
 */
export interface DocumentViewModel {
  readonly kind: DocKind;
  readonly rehearsal: boolean;
  readonly header: {
    readonly parentBody: string;
    readonly issuer: string;
    readonly numberText: string;
    readonly nationalTitle: string;
    readonly motto: string;
    readonly dateLine: string;
  };
  readonly title: string;
  readonly subtitle: string;
  /** "Kính gửi: …" for a proposal letter. */
  readonly addressee: string | null;
  readonly blocks: readonly Block[];
  /**
   * Signature slots, two per row. Decree 30 layout: "Nơi nhận:" goes bottom left, level with the
   * first row's right slot when its left slot is empty, otherwise under the rows.
   */
  readonly signatures: readonly SignatureRow[];
  /** "Nơi nhận:" and the recipients, each written with its leading dash. */
  readonly recipientsLabel: string;
  readonly recipients: readonly string[];
  /**
   * The data's SHA-256 and the template version: kept in the stored record and in the file's
   * metadata, never printed on the page.
   */
  readonly integrity: DocumentIntegrity;
  /** "BẢN THỬ" on every page of a rehearsal's documents. */
  readonly watermark: string | null;
}
