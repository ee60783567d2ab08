/** RFC 6266 / 5987 attachment header: an ASCII fallback plus the UTF-8 name, never raw user text. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 150);
  return `attachment; filename="${ascii || 'tep'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
