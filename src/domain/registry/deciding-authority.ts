/**
 * Who decides an award tier (Law 06/2022/QH15, Chapter IV: competence to decide): national
 * authorities are named as such ("Thủ tướng Chính phủ"); a local one is completed with the territory
 * or body of the bloc's organising body ("Chủ tịch Ủy ban nhân dân" + "tỉnh Hải Dương").
 */
export const AUTHORITY_JURISDICTIONS = ['NATIONAL', 'LOCAL'] as const;
export type AuthorityJurisdiction = (typeof AUTHORITY_JURISDICTIONS)[number];

export interface DecidingAuthorityData {
  code: string;
  /** "Thủ tướng Chính phủ", "Chủ tịch Ủy ban nhân dân". */
  title: string;
  jurisdiction: AuthorityJurisdiction;
  /** The verb of "Đề nghị … tặng …": "tặng", "xét tặng". */
  awardVerb: string;
}

/** The authority's full title for a bloc whose organising body covers `locality`. */
export function authorityTitle(a: DecidingAuthorityData, locality: string): string {
  return a.jurisdiction === 'LOCAL' && locality ? `${a.title} ${locality}` : a.title;
}

/**
 * One line of a proposal: "Đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ cho: …", or
 * "Tặng … cho: …" when the letter is addressed to the deciding authority itself.
 */
export function proposalSentence(p: {
  decider: string;
  verb: string;
  tierName: string;
  names: string;
  addressee: string | null;
}): string {
  const verb = p.verb || 'tặng';
  return p.addressee !== null && p.decider === p.addressee
    ? `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${p.tierName} cho: ${p.names}.`
    : `Đề nghị ${p.decider} ${verb} ${p.tierName} cho: ${p.names}.`;
}

/**
 * Names of the deciding authorities every database starts with (migration OrganizingBodies), for
 * pages that show a stored code without reading the table (the audit log's values).
 */
export const BUILT_IN_AUTHORITY_LABELS: Readonly<Record<string, string>> = {
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  PROVINCE_CHAIRMAN: 'Chủ tịch Ủy ban nhân dân tỉnh',
  MINISTER: 'Bộ trưởng',
  FRONT_CENTRAL_CHAIRMAN: 'Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  FRONT_PROVINCE_CHAIRMAN: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  COMMUNE_CHAIRMAN: 'Chủ tịch Ủy ban nhân dân xã',
};
