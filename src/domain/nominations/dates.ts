import type { Finding } from '../common/result';
import { reviewReferenceDate } from '../registry/tier-rules';

/** dd/mm/yyyy of an ISO date, as people read it. */
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * R18: the stages of a nomination keep their order in time. The provincial council cannot vote
 * before the bloc meeting that proposed the nomination, and the decision can precede neither.
 */
export function checkStageDate(p: {
  stage: 'COUNCIL' | 'DECISION';
  date: string;
  blocMeetingDate: string | null;
  councilDate: string | null;
}): Finding | null {
  const label = p.stage === 'COUNCIL' ? 'Ngày Hội đồng bỏ phiếu' : 'Ngày quyết định';
  if (p.blocMeetingDate !== null && p.date < p.blocMeetingDate)
    return {
      code: 'NOMINATION_DATE_BEFORE_MEETING',
      severity: 'error',
      message: `${label} (${vnDate(p.date)}) không thể trước ngày hội nghị bình xét của khối/cụm đã đề nghị (${vnDate(p.blocMeetingDate)}).`,
      field: p.stage === 'COUNCIL' ? 'councilDate' : 'decisionDate',
      params: { date: p.date, blocMeetingDate: p.blocMeetingDate },
    };
  if (p.stage === 'DECISION' && p.councilDate !== null && p.date < p.councilDate)
    return {
      code: 'NOMINATION_DATE_BEFORE_COUNCIL',
      severity: 'error',
      message: `Ngày quyết định (${vnDate(p.date)}) không thể trước ngày Hội đồng bỏ phiếu (${vnDate(p.councilDate)}).`,
      field: 'decisionDate',
      params: { date: p.date, councilDate: p.councilDate },
    };
  return null;
}

/**
 * R1, R13: a nomination is judged on a date no earlier than the review of its award year (01/01 of
 * the next year); an earlier reference date would resolve older rules and let a unit dissolved by
 * then pass the dissolved-unit check (TT 15/2025/TT-BNV).
 */
export function checkReferenceDate(referenceDate: string, year: number): Finding | null {
  const earliest = reviewReferenceDate(year);
  return referenceDate < earliest
    ? {
        code: 'NOMINATION_REFERENCE_DATE_TOO_EARLY',
        severity: 'error',
        message: `Ngày xét (${vnDate(referenceDate)}) không thể trước ngày xét của năm thi đua ${year} (${vnDate(earliest)}).`,
        field: 'referenceDate',
        params: { referenceDate, earliest },
      }
    : null;
}
