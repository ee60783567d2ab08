import { integrity } from './builders';

import { dateLine } from './format';
import type { DocumentViewModel } from './view-model';
import { joinVi } from '../common/text';

/** The provincial stage of a year, as the council and the Chairman see it (brief §1.3, R18). */
export interface ProvinceDocSource {
  provinceName: string;
  provinceFullName: string;
  year: number;
  date: string;
  /**
   * The legal instruments of the tier rules in force for the year (laws, decrees, circulars; an
   * official letter is not a basis of a decision), each named once.
   */
  legalBases: string[];
  tiers: {
    tierName: string;
    decider: string;
    capText: string | null;
    items: {
      collectiveName: string;
      blocName: string;
      statusLabel: string;
      councilText: string | null;
      selected: boolean;
    }[];
  }[];
}

function header(s: ProvinceDocSource, parentBody: string, issuer: string, numberText: string) {
  return {
    parentBody,
    issuer,
    numberText,
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: dateLine(s.provinceName, s.date),
  };
}

/** Danh sách đề nghị trình Hội đồng Thi đua - Khen thưởng tỉnh: every bloc's proposals per tier, with the caps. */
export function buildCouncilListViewModel(
  s: ProvinceDocSource,
  sha: string,
  templateVersion: string,
): DocumentViewModel {
  return {
    kind: 'MINUTES',
    rehearsal: false,
    header: header(
      s,
      `UBND ${s.provinceFullName.toUpperCase()}`,
      'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      'Số: …',
    ),
    title: 'DANH SÁCH',
    subtitle: `Các tập thể được các khối, cụm thi đua đề nghị khen thưởng năm ${s.year}`,
    addressee: null,
    blocks: s.tiers.flatMap((t, i) => [
      {
        type: 'heading' as const,
        text: `${i + 1}. ${t.tierName}${t.capText ? ` (${t.capText})` : ''}`,
      },
      t.items.length
        ? {
            type: 'table' as const,
            header: ['TT', 'Tập thể', 'Khối, cụm thi đua', 'Trạng thái', 'Hội đồng'],
            rows: t.items.map((it, k) => [
              String(k + 1),
              it.collectiveName,
              it.blocName,
              it.statusLabel,
              it.councilText ?? '',
            ]),
            widths: [6, 38, 26, 16, 14],
            align: ['center', 'left', 'left', 'left', 'center'] as const,
          }
        : { type: 'paragraph' as const, text: 'Không có đề nghị.' },
    ]),
    signatures: [
      { left: null, right: { authority: null, position: 'NGƯỜI LẬP DANH SÁCH', name: '' } },
    ],
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Thành viên Hội đồng;', '- Lưu: VT, Ban TĐKT.'],
    integrity: integrity(sha, templateVersion, true),
    watermark: null,
  };
}

/**
 * Dự thảo Quyết định khen thưởng of the Chairman of the Provincial People's Committee: one article
 * per award the Chairman decides, naming every collective the council passed (or already decided),
 * issued by the province's People's Committee (ND 30 Appendix I, decision of an individual).
 */
export function buildDraftDecisionViewModel(
  s: ProvinceDocSource,
  sha: string,
  templateVersion: string,
): DocumentViewModel {
  const awards = s.tiers
    .filter((t) => t.decider.startsWith('Chủ tịch'))
    .map((t) => ({
      tierName: t.tierName,
      names: t.items.filter((it) => it.selected).map((it) => it.collectiveName),
    }))
    .filter((a) => a.names.length > 0);
  const committee = `Ủy ban nhân dân ${s.provinceFullName}`;
  const executors = awards.length + 1;
  return {
    kind: 'RESOLUTION',
    rehearsal: false,
    header: header(s, '', committee.toUpperCase(), 'Số: …/QĐ-UBND'),
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc tặng thưởng thành tích thi đua năm ${s.year} (dự thảo)`,
    addressee: null,
    blocks: [
      { type: 'heading', text: `CHỦ TỊCH ${committee.toUpperCase()}`, center: true },
      ...s.legalBases.map((b) => ({ type: 'paragraph' as const, text: `Căn cứ ${b};` })),
      {
        type: 'paragraph',
        text: `Theo đề nghị của Hội đồng Thi đua - Khen thưởng ${s.provinceFullName}.`,
      },
      { type: 'heading', text: 'QUYẾT ĐỊNH:', center: true },
      ...(awards.length
        ? awards.map((a, i) => ({
            type: 'paragraph' as const,
            lead: `Điều ${i + 1}.`,
            text: `Tặng ${a.tierName} cho ${a.names.length} tập thể đã có thành tích xuất sắc trong phong trào thi đua năm ${s.year}: ${joinVi(a.names)}.`,
          }))
        : [
            {
              type: 'paragraph' as const,
              text: 'Chưa có tập thể nào được Hội đồng Thi đua - Khen thưởng thông qua.',
            },
          ]),
      {
        type: 'paragraph',
        lead: `Điều ${executors}.`,
        text: `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${committee}, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị liên quan và các tập thể có tên tại ${awards.length > 1 ? `Điều 1 đến Điều ${awards.length}` : 'Điều 1'} chịu trách nhiệm thi hành Quyết định này./.`,
      },
    ],
    signatures: [{ left: null, right: { authority: null, position: 'CHỦ TỊCH', name: '' } }],
    recipientsLabel: 'Nơi nhận:',
    recipients: [`- Như Điều ${executors};`, '- Lưu: VT, Ban TĐKT.'],
    integrity: integrity(sha, templateVersion, true),
    watermark: 'DỰ THẢO',
  };
}
