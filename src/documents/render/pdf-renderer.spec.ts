import type { DocumentViewModel } from '../../domain/documents/view-model';
import { fontFilesWithSharedTables } from './pdf-font-tables';
import { renderPdf } from './pdf-renderer';

const units = ['phường An Lạc', 'xã Tân Thịnh', 'phường Hòa Mỹ', 'xã Long Đông', 'phường Hưng Tây'];

/** Uses the four Tinos faces: regular text, bold headings, the italic date line, the bold italic "Nơi nhận". */
const minutes: DocumentViewModel = {
  kind: 'MINUTES',
  rehearsal: false,
  header: {
    parentBody: 'UBND TỈNH HẢI DƯƠNG',
    issuer: 'KHỐI THI ĐUA SỐ 1',
    numberText: 'Số: 01/BB-KTĐ',
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: 'Hải Dương, ngày 10 tháng 01 năm 2024',
  },
  title: 'BIÊN BẢN',
  subtitle: 'Họp bình xét, suy tôn thi đua năm 2023 của Khối thi đua số 1',
  addressee: null,
  blocks: [
    { type: 'paragraph', text: 'Hôm nay, vào hồi 08 giờ 00, Khối thi đua số 1 tổ chức hội nghị.' },
    { type: 'heading', text: 'I. THÀNH PHẦN' },
    {
      type: 'table',
      header: ['TT', 'Đơn vị thành viên', 'Có mặt', 'Đại biểu'],
      rows: units.map((u, i) => [String(i + 1), u, 'Có', `Chủ tịch UBND ${u}`]),
      widths: [8, 46, 12, 34],
      align: ['center', 'left', 'center', 'left'],
    },
    { type: 'heading', text: 'II. NỘI DUNG' },
    { type: 'list', items: ['Báo cáo tổng kết', 'Bình xét, suy tôn (bỏ phiếu kín)'] },
    { type: 'paragraph', text: 'Có mặt 5/5 đơn vị; cần tối thiểu 4 (≥ 2/3) — đủ điều kiện; 70 %.' },
  ],
  signatures: [
    {
      left: { authority: null, position: 'THƯ KÝ', name: 'Ngô Văn Sơn' },
      right: { authority: 'TM. KHỐI THI ĐUA', position: 'TRƯỞNG KHỐI', name: 'Đỗ Văn Sơn' },
    },
  ],
  recipientsLabel: 'Nơi nhận:',
  recipients: ['- Ban Thi đua – Khen thưởng;', '- Lưu: VT.'],
  integrity: {
    sha256: '8635…',
    templateVersion: 'nd30-2024.1',
    text: 'Mã dữ liệu (SHA-256): 8635… · mẫu nd30-2024.1',
  },
  watermark: null,
};

const rehearsal: DocumentViewModel = {
  ...minutes,
  kind: 'SCORE_TABLE',
  rehearsal: true,
  title: 'BẢNG TỔNG HỢP ĐIỂM',
  blocks: [
    {
      type: 'table',
      header: ['Xếp hạng', 'Đơn vị', 'Tổng điểm'],
      rows: units.map((u, i) => [String(i + 1), u, `${942 - i * 3},5`]),
      widths: [15, 60, 25],
      align: ['center', 'left', 'right'],
    },
  ],
  watermark: 'BẢN THỬ',
};

/** The PDF as pdfmake makes it with nothing shared: the first render of a fresh module registry. */
async function firstRender(vm: DocumentViewModel): Promise<Buffer> {
  let out: Buffer | undefined;
  await jest.isolateModulesAsync(async () => {
    const fresh = await import('./pdf-renderer');
    out = await fresh.renderPdf(vm);
  });
  return out!;
}

const same = (a: Buffer, b: Buffer): boolean => Buffer.compare(a, b) === 0;

describe('renderPdf', () => {
  it('shares decoded font tables between renders without changing a byte of any PDF', async () => {
    const expected = [await firstRender(minutes), await firstRender(rehearsal)];
    const docs = [minutes, rehearsal];

    // In this registry: one after the other in both orders, then four renders in flight at once.
    for (const i of [1, 0, 1]) expect(same(await renderPdf(docs[i]!), expected[i]!)).toBe(true);
    const together = await Promise.all([0, 1, 0, 1].map((i) => renderPdf(docs[i]!)));
    together.forEach((pdf, n) => expect(same(pdf, expected[n % 2]!)).toBe(true));

    expect(fontFilesWithSharedTables()).toBe(4);
    const faces = expected[0]!.toString('latin1').match(/\/FontName \/[A-Z]{6}\+Tinos-\w+/g);
    expect(new Set(faces?.map((f) => f.split('+')[1]))).toEqual(
      new Set(['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']),
    );
  });
});
