import { citationNumbers } from '../../domain/documents/format';
import type { Block, DocumentViewModel } from '../../domain/documents/view-model';
import { hasPdftotext, occurrences, pdfInfo, pdfLayoutPages } from '../../../test/helpers/pdf-text';
import { renderPdf } from './pdf-renderer';

if (process.env.CI === 'true' && !hasPdftotext)
  throw new Error('CI must install poppler-utils (pdftotext): see .ci/run');
const itPdf = hasPdftotext ? it : it.skip;

const CITES = [
  'Luật Thi đua, khen thưởng số 06/2022/QH15',
  'Nghị định số 98/2023/NĐ-CP',
  'Công văn số 5007/BNV-TĐKT ngày 05/9/2023',
];

function doc(blocks: Block[], leftSignature: boolean): DocumentViewModel {
  return {
    kind: 'PROPOSAL',
    rehearsal: false,
    header: {
      parentBody: 'UBND TỈNH HẢI DƯƠNG',
      issuer: 'KHỐI THI ĐUA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ',
      numberText: 'Số: 03/TTr-KTĐ',
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      dateLine: 'Hải Dương, ngày 28 tháng 3 năm 2024',
    },
    title: 'TỜ TRÌNH',
    subtitle: 'Về việc đề nghị khen thưởng thành tích thi đua năm 2023',
    addressee: null,
    blocks,
    signatures: [
      {
        left: leftSignature
          ? { authority: null, position: 'THƯ KÝ', name: 'Phạm Thị Thu Hà' }
          : null,
        right: { authority: 'TM. KHỐI THI ĐUA', position: 'TRƯỞNG KHỐI', name: 'Trần Văn Quân' },
      },
    ],
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Như trên;', '- Lưu: Khối.'],
    integrity: {
      sha256: 'ab'.repeat(32),
      templateVersion: 't1',
      text: `SHA-256 ${'ab'.repeat(32)}`,
    },
    watermark: null,
  };
}

describe('PDF layout (Decree 30, read back with pdftotext -layout)', () => {
  itPdf('never splits a document number across lines, wherever the line ends', async () => {
    // Every prefix length moves the citations along the line, so some reach its end.
    const blocks: Block[] = Array.from({ length: 36 }, (_, k) => ({
      type: 'paragraph',
      text: `${'Căn cứ '.repeat(1 + (k % 9))}${'x'.repeat(k % 7)} ${CITES.join('; ')}.`,
    }));
    const pdf = await renderPdf(doc(blocks, false));
    const text = pdfLayoutPages(pdf).join('\n');
    const expected = blocks.flatMap((b) => (b.type === 'paragraph' ? citationNumbers(b.text) : []));
    for (const c of new Set(expected))
      expect([c, occurrences(text, c)]).toEqual([c, occurrences(expected.join(' '), c)]);
  });

  itPdf(
    'keeps "Nơi nhận", the signature and the closing paragraph on one page, level with each other',
    async () => {
      // Filler paragraphs push the closing across every position near the end of page 1 and 2.
      for (let n = 8; n <= 30; n += 1) {
        for (const left of [false, true]) {
          const blocks: Block[] = [
            ...Array.from({ length: n }, (_, i) => ({
              type: 'paragraph' as const,
              text: `Đoạn ${i + 1}: ${'nội dung đề nghị khen thưởng '.repeat(2 + (i % 3))}`,
            })),
            {
              type: 'paragraph',
              text: 'Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.',
            },
          ];
          const pages = pdfLayoutPages(await renderPdf(doc(blocks, left)));
          const withRecipients = pages.filter((p) => p.includes('Nơi nhận:'));
          expect(withRecipients).toHaveLength(1);
          const page = withRecipients[0]!;
          expect([n, left, page.includes('Trần Văn Quân')]).toEqual([n, left, true]);
          expect([n, left, page.includes('Kính trình Chủ tịch')]).toEqual([n, left, true]);
          if (!left) {
            // Bottom left, level with the signature: on the line of the signing authority.
            const line = page.split('\n').find((l) => l.includes('Nơi nhận:'))!;
            expect(line).toContain('TM. KHỐI THI ĐUA');
          }
        }
      }
    },
    60_000,
  );

  itPdf('prints no technical footer; the SHA-256 is in the metadata', async () => {
    const pdf = await renderPdf(doc([{ type: 'paragraph', text: 'Nội dung.' }], false));
    const text = pdfLayoutPages(pdf).join('\n');
    expect(text).not.toContain('SHA-256');
    expect(text).not.toContain('ab'.repeat(32));
    const info = pdfInfo(pdf);
    expect(info.Subject).toContain('ab'.repeat(32));
    expect(info.Keywords).toContain(`sha256:${'ab'.repeat(32)}`);
  });
});
