/** What a person reads on a page, and where its links lead: plain string work, no DOM library. */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * The page's visible text: text nodes outside <script>, <style> and <head>, plus the words a
 * person also sees on controls (placeholder, title, aria-label, the value of a button).
 */
export function visibleText(html: string): string {
  const body = html
    .replace(/<head[\s\S]*?<\/head>/gi, ' ')
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  const shown: string[] = [];
  for (const m of body.matchAll(/<[^>]*?\s(?:placeholder|title|aria-label)="([^"]*)"/gi))
    shown.push(m[1]!);
  for (const m of body.matchAll(/<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"/gi))
    shown.push(m[1]!);
  const text = body.replace(/<[^>]*>/g, ' ');
  return decode(`${text} ${shown.join(' ')}`).replace(/\s+/g, ' ');
}

/** The page's links to other pages of /web (anchors only; assets and downloads left out). */
export function pageLinks(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\s[^>]*href="(\/web[^"#]*)"/gi)) {
    const href = decode(m[1]!);
    if (href.startsWith('/web/assets/')) continue;
    out.add(href);
  }
  return [...out];
}
