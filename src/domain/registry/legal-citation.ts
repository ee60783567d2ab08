/**
 * How a tier rule's legal basis is written in a sentence. `legalDocument` lists instruments separated
 * by ";" with the law first; `legalArticle` is an article of that first instrument. Written the
 * Vietnamese way, the article goes before the instrument it belongs to ("Điều 25 Luật Thi đua, khen
 * thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP; Công văn số 5007/BNV-TĐKT …"), so an official
 * letter named later in the list is never cited with an article.
 */
export function legalCitation(legalDocument: string, legalArticle: string | null): string {
  const [first, ...rest] = instruments(legalDocument);
  if (first === undefined) return legalArticle ?? '';
  const head = legalArticle ? `${legalArticle} ${first}` : first;
  return [head, ...rest].join('; ');
}

/** The instruments of a rule's legal basis, in order, trimmed. */
export function instruments(legalDocument: string): string[] {
  return legalDocument
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
}

/**
 * The grounds ("Căn cứ …") of an award decision from the rules in force: laws, decrees and circulars,
 * each once, in order of first mention; official letters (Công văn) guide but are not grounds.
 */
export function decisionGrounds(legalDocuments: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const d of legalDocuments.flatMap(instruments)) if (!/^Công văn\b/iu.test(d)) seen.add(d);
  return [...seen];
}
