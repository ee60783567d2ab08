/** Joins Vietnamese list items: "a", "a và b", "a, b và c". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1) ?? ''}`;
}

/** Upper-cases the first letter, for a name that starts a sentence ("huyện Cẩm Giàng" → "Huyện Cẩm Giàng"). */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
