import type { BlocKind } from './unit-types';

/**
 * The body that organises a bloc (cơ quan tổ chức / chủ quản): a provincial People's Committee, a
 * provincial Fatherland Front committee, a ministry… Its lines head the bloc's documents (ND 30/2020
 * Appendix I: the parent agency's name is always shown above the issuer's) and it receives them.
 */
export interface OrganizingBodyData {
  /** "Ủy ban nhân dân tỉnh Hải Dương". */
  name: string;
  /** The parent line of a document header: "UBND TỈNH HẢI DƯƠNG". */
  headerLine: string;
  /** Place of the date line: "Hải Dương". */
  place: string;
  /** The territory a local authority's title is completed with: "tỉnh Hải Dương". */
  locality: string;
  /** Who the bloc's proposal letter is addressed to: "Chủ tịch Ủy ban nhân dân tỉnh Hải Dương". */
  addressee: string;
  /** The office that keeps a copy ("Nơi nhận"): "Ban Thi đua - Khen thưởng (Sở Nội vụ)". */
  office: string;
  /** The deciding authorities whose tiers its blocs propose; empty: every tier. */
  authorityCodes: readonly string[];
}

/** True when a bloc of this organising body proposes tiers decided by that authority. */
export function proposesTo(
  body: Pick<OrganizingBodyData, 'authorityCodes'>,
  authority: string,
): boolean {
  return body.authorityCodes.length === 0 || body.authorityCodes.includes(authority);
}

/** The stored comma-separated list as codes. */
export const authorityCodesOf = (stored: string): string[] =>
  stored
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');

/**
 * The organising body assumed for a bloc recorded without one: the provincial People's Committee,
 * which organises and splits the province's cụm/khối (HD 1479/HD-BTĐKT; Law 06/2022 art. 16.2.c).
 */
export function provincialCommitteeOf(province: {
  name: string;
  fullName: string;
}): OrganizingBodyData {
  return {
    name: `Ủy ban nhân dân ${province.fullName}`,
    headerLine: `UBND ${province.fullName.toUpperCase()}`,
    place: province.name,
    locality: province.fullName,
    addressee: `Chủ tịch Ủy ban nhân dân ${province.fullName}`,
    office: 'Ban Thi đua - Khen thưởng (Sở Nội vụ)',
    // the State's awards of the province and the Government (Law 06/2022 art. 25, 26, 74)
    authorityCodes: ['PRIME_MINISTER', 'PROVINCE_CHAIRMAN'],
  };
}

/** The words a bloc's documents use for it, by kind (khối or cụm). */
export interface BlocWords {
  /** "Khối" / "Cụm", as in "của Khối", "Lưu: Khối". */
  noun: string;
  head: string;
  deputy: string;
}

export const BLOC_WORDS: Readonly<Record<BlocKind, BlocWords>> = {
  KHOI: { noun: 'Khối', head: 'Trưởng khối', deputy: 'Phó khối' },
  CUM: { noun: 'Cụm', head: 'Trưởng cụm', deputy: 'Phó cụm' },
};
