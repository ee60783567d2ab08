/** A file name safe to store and to send back in Content-Disposition (no path, no control characters). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'tep';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  return (cleaned || 'tep').slice(0, 200);
}
