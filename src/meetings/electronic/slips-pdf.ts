import QRCode from 'qrcode';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdfDefinition } from '../../documents/render/pdf-renderer';
import type { Slip } from './electronic-rounds';

const MM = 72 / 25.4;
/** Two slips across, five down: ten slips to cut from each A4 sheet. */
const PER_ROW = 2;
const ROWS_PER_PAGE = 5;

export interface SlipSheetInfo {
  /** "Bằng khen của Chủ tịch UBND tỉnh (vòng 2)". */
  ballotTitle: string;
  blocName: string;
  /** The page a delegate opens: "http://192.168.1.10:3000/web/bp/57". */
  votingUrl: string;
  isRehearsal: boolean;
}

/** The address a slip's QR code opens: the code travels after "#", so it is never sent to a server log. */
export function slipLink(votingUrl: string, code: string): string {
  return `${votingUrl}#${code.replace(/-/g, '')}`;
}

function slipCell(s: Slip, info: SlipSheetInfo, qr: string): Content {
  return {
    stack: [
      ...(info.isRehearsal
        ? [{ text: 'BẢN THỬ – KHÔNG CÓ GIÁ TRỊ', bold: true, color: '#cc0000', fontSize: 10 }]
        : []),
      { text: 'PHIẾU MÃ BỎ PHIẾU KÍN ĐIỆN TỬ', bold: true, fontSize: 11 },
      { text: `${info.blocName} – ${info.ballotTitle}`, fontSize: 9, margin: [0, 1, 0, 3] },
      {
        columns: [
          { image: qr, width: 30 * MM },
          {
            width: '*',
            stack: [
              { text: 'Mã bỏ phiếu:', fontSize: 9 },
              { text: s.code, bold: true, fontSize: 14, noWrap: true, margin: [0, 1, 0, 4] },
              { text: `Quét mã QR, hoặc mở ${info.votingUrl} và nhập mã.`, fontSize: 8 },
              { text: `Phiếu mã số ${s.slipNo}. Mỗi mã bỏ được một phiếu.`, fontSize: 8 },
            ],
            margin: [3 * MM, 0, 0, 0],
          },
        ],
      },
    ],
    margin: [3 * MM, 3 * MM, 3 * MM, 3 * MM],
  };
}

/** The A4 sheets of slips (QR code and typed code each), dashed lines to cut along. */
export async function slipsDocument(
  slips: readonly Slip[],
  info: SlipSheetInfo,
): Promise<TDocumentDefinitions> {
  const qrs = await Promise.all(
    slips.map((s) =>
      QRCode.toDataURL(slipLink(info.votingUrl, s.code), {
        errorCorrectionLevel: 'M',
        margin: 1,
        scale: 6,
      }),
    ),
  );
  const cells = slips.map((s, i) => slipCell(s, info, qrs[i]!));
  const rows: Content[][] = [];
  for (let i = 0; i < cells.length; i += PER_ROW) {
    const row = cells.slice(i, i + PER_ROW);
    while (row.length < PER_ROW) row.push({ text: '' });
    rows.push(row);
  }
  const pages: Content[] = [];
  for (let p = 0; p < rows.length; p += ROWS_PER_PAGE) {
    pages.push({
      table: {
        widths: ['*', '*'],
        heights: 52 * MM,
        dontBreakRows: true,
        body: rows.slice(p, p + ROWS_PER_PAGE),
      },
      layout: {
        hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        hLineColor: () => '#777777',
        vLineColor: () => '#777777',
      },
      ...(p + ROWS_PER_PAGE < rows.length ? { pageBreak: 'after' as const } : {}),
    });
  }
  return {
    pageSize: 'A4',
    pageMargins: [10 * MM, 10 * MM, 10 * MM, 10 * MM],
    info: { title: `Phiếu mã bỏ phiếu – ${info.ballotTitle}` },
    content: pages,
  };
}

/** The slips as a PDF to print and cut. */
export async function renderSlips(slips: readonly Slip[], info: SlipSheetInfo): Promise<Buffer> {
  return renderPdfDefinition(await slipsDocument(slips, info));
}
