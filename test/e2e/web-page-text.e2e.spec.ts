import type { Role } from '../../src/domain/auth/permissions';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { visibleText, pageLinks } from '../helpers/page-text';

/** A code as a machine writes it (`NOT_A_MEMBER`, `MEETING_LOCKED`): never for a person to read. */
const CODE = /\b[A-Z]{3,}_[A-Z_]+\b/;
/** An ISO date or timestamp (2024-03-15, 2026-12-05T17:27:49.444Z): pages show 15/03/2024. */
const ISO = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/;

const ACCOUNTS: { username: string; role: Role; blocIds?: number[]; unitId?: number }[] = [
  { username: 'doc.admin', role: 'OFFICE_ADMIN' },
  { username: 'doc.staff', role: 'OFFICE_STAFF' },
  { username: 'doc.thuky', role: 'BLOC_SECRETARY', blocIds: [1] },
  { username: 'doc.donvi', role: 'UNIT_REP', unitId: 1 },
  { username: 'doc.xem', role: 'VIEWER' },
];

/** Pages of the same shape (`/web/units/3`, `/web/units/7`) are read at most this many times. */
const PER_SHAPE = 3;
const shape = (url: string) => url.replace(/\/\d+(?=\/|$|\?)/g, '/:id').replace(/\?.*$/, '');

/**
 * Every page a person of each role can reach by following links from the dashboard, with the
 * seeded 2023/2024 data and the 28/03/2024 meeting: the visible text holds no machine code and no
 * ISO date, and no link the page offers leads to a refusal (403) or a server error.
 */
describe('the text people read on every page, for every role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seedMeeting: true });
    for (const a of ACCOUNTS) await t.login(a);
  });
  afterAll(() => t.close());

  async function signIn(username: string): Promise<string> {
    const res = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username, password: 'mat-khau-thu-nghiem-2024' });
    expect(res.status).toBe(303);
    return String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  }

  it.each(ACCOUNTS.map((a) => [a.role, a.username] as const))(
    '%s: no code, no ISO date, no link to a refusal',
    async (_role, username) => {
      const cookie = await signIn(username);
      const seen = new Set<string>();
      const perShape = new Map<string, number>();
      const queue: { url: string; from: string }[] = [{ url: '/web', from: '(start)' }];
      const faults: string[] = [];
      while (queue.length > 0) {
        const { url, from } = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        // Every link is followed (a refusal behind any of them is a fault); the text of pages
        // of one shape is read a few times only.
        const res = await t.anon().get(url).set('Cookie', cookie);
        if (res.status === 403 || res.status >= 500)
          faults.push(`${url} (link on ${from}) answers ${res.status}`);
        if (!/text\/html/.test(String(res.headers['content-type']))) continue;
        const n = perShape.get(shape(url)) ?? 0;
        if (n >= PER_SHAPE) continue;
        perShape.set(shape(url), n + 1);
        if (/(?:href|action)="[^"]*_csrf=/.test(res.text))
          faults.push(`${url}: the session's CSRF token in a URL`);
        const text = visibleText(res.text);
        const code = CODE.exec(text);
        if (code) faults.push(`${url}: code "${code[0]}" in «${around(text, code.index)}»`);
        const iso = ISO.exec(text);
        if (iso) faults.push(`${url}: ISO date "${iso[0]}" in «${around(text, iso.index)}»`);
        for (const link of pageLinks(res.text))
          if (!seen.has(link)) queue.push({ url: link, from: url });
      }
      expect(faults).toEqual([]);
      expect(seen.size).toBeGreaterThan(5);
    },
  );

  it('shows the refusal page in Vietnamese, without the code', async () => {
    const cookie = await signIn('doc.thuky');
    const res = await t.anon().get('/web/users').set('Cookie', cookie);
    expect(res.status).toBe(403);
    const text = visibleText(res.text);
    expect(text).not.toMatch(CODE);
    expect(text).toMatch(/không có quyền/i);
  });

  it('shows a failed login in Vietnamese, without the code', async () => {
    const res = await t.anon().post('/web/login').type('form').send({ username: '', password: '' });
    expect(visibleText(res.text)).not.toMatch(CODE);
  });
});

const around = (text: string, at: number) => text.slice(Math.max(0, at - 60), at + 60);
