const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day `2024-03-28` as people read it, `28/03/2024` (anything else unchanged). */
export function viDate(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDay;
}

/** A moment as people read it, in the server's local time: `28/03/2024 14:05`. */
export function viDateTime(at: Date): string {
  return `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
