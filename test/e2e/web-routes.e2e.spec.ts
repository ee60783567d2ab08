import { rowCounts, createTestApp, type TestApp } from '../helpers/test-app';
import { webRoutes, type WebRoute as Route } from '../helpers/web-routes';

/** A concrete URL for a route: every parameter gets an id that exists in the seed (1). */
const concrete = (path: string) =>
  path.replace(/:[A-Za-z]+/g, (p) => (p === ':year' ? '2023' : '1'));

/**
 * Open to everyone too: a delegate's voting pages (useful only with a valid voting code; the code is
 * the credential, test/e2e/electronic-pages.e2e.spec.ts) and the help on running an electronic vote.
 */
const VOTING = [
  '/web/bp/:bid',
  '/web/bp/:bid/xac-nhan',
  '/web/bp/:bid/bo-phieu',
  '/web/bp/:bid/bien-nhan',
  '/web/huong-dan/bo-phieu-dien-tu',
];

/**
 * The web pages go through the same guard as the API: every page but the login needs a session,
 * every form post needs the session's token, and a refused request writes nothing.
 */
describe('web routes: sign-in, form tokens and permissions on every page', () => {
  let t: TestApp;
  let routes: Route[];
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ seedMeeting: true });
    routes = webRoutes(t);
    await t.login({ username: 'web.admin', role: 'OFFICE_ADMIN' });
    const res = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'web.admin', password: 'mat-khau-thu-nghiem-2024' });
    expect(res.status).toBe(303);
    cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^thidua_session=/);
  });
  afterAll(() => t.close());

  it('finds the web routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(4);
    expect(routes).toEqual(expect.arrayContaining([{ method: 'GET', path: '/web' }]));
  });

  it('sends a visitor without a session to the login page, for every page and every form', async () => {
    const before = await rowCounts(t.dataSource);
    // open to everyone: sign-in, and the check of a received PDF (it reads a file, writes nothing)
    const open = ['/web/login', '/web/kiem-tra-van-ban', ...VOTING];
    for (const r of routes.filter((x) => !open.includes(x.path))) {
      const url = concrete(r.path);
      const res = await t.anon()[r.method.toLowerCase() as 'get' | 'post'](url);
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 303,
      });
      expect(res.headers.location).toMatch(/^\/web\/login/);
    }
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('refuses every form post of a signed-in user that lacks the session token (CSRF), writing nothing', async () => {
    const before = await rowCounts(t.dataSource);
    const open = ['/web/login', '/web/kiem-tra-van-ban', ...VOTING];
    for (const r of routes.filter((x) => x.method !== 'GET' && !open.includes(x.path))) {
      const agent = t.anon();
      const method = r.method.toLowerCase() as 'post';
      const res = await agent[method](concrete(r.path))
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: 'khong-dung' });
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 403,
      });
      expect(res.text).toContain('CSRF_REJECTED');
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('opens every page for the administrator: HTML in Vietnamese, never 403 or 500', async () => {
    let opened = 0;
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const res = await t.anon().get(concrete(r.path)).set('Cookie', cookie);
      // 404 is fair where the seed has no record with id 1 (a ballot, a document); 403 never is.
      expect({ route: r.path, status: [200, 404].includes(res.status) }).toEqual({
        route: r.path,
        status: true,
      });
      if (res.status === 200 && /html/.test(String(res.headers['content-type']))) {
        expect(res.text).toContain('<html lang="vi">');
        opened++;
      }
    }
    expect(opened).toBeGreaterThan(15);
  });

  it('opens the check of a received PDF without a session, and answers a missing file in Vietnamese', async () => {
    const page = await t.anon().get('/web/kiem-tra-van-ban').expect(200);
    expect(page.text).toContain('Kiểm tra văn bản điện tử');
    const noFile = await t.anon().post('/web/kiem-tra-van-ban').expect(400);
    expect(noFile.text).toContain('Chưa chọn tệp PDF để kiểm tra');
    const notPdf = await t
      .anon()
      .post('/web/kiem-tra-van-ban')
      .attach('file', Buffer.from('không phải PDF'), 'a.pdf')
      .expect(422);
    expect(notPdf.text).toContain('không phải là tệp PDF');
  });

  it('takes the token of an upload form from its field, never from the URL', async () => {
    const page = await t.anon().get('/web/blocs/1/terms/2023/scores').set('Cookie', cookie);
    const token = /name="csrf-token" content="([^"]+)"/.exec(page.text)?.[1];
    expect(token).toBeDefined();
    expect(page.text).not.toMatch(/_csrf=/);
    const url = '/web/blocs/1/terms/2023/score-sheet/preview';
    const xlsx = Buffer.from('không phải tệp Excel');
    const before = await rowCounts(t.dataSource);
    const inUrl = await t
      .anon()
      .post(`${url}?_csrf=${token}`)
      .set('Cookie', cookie)
      .field('stage', 'AGREED')
      .attach('file', xlsx, 'bang-diem.xlsx');
    expect(inUrl.status).toBe(403);
    expect(inUrl.text).toContain('CSRF_REJECTED');
    const wrong = await t
      .anon()
      .post(url)
      .set('Cookie', cookie)
      .field('_csrf', 'khong-dung')
      .field('stage', 'AGREED')
      .attach('file', xlsx, 'bang-diem.xlsx');
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('CSRF_REJECTED');
    expect(await rowCounts(t.dataSource)).toEqual(before);
    const right = await t
      .anon()
      .post(url)
      .set('Cookie', cookie)
      .field('_csrf', token!)
      .field('stage', 'AGREED')
      .attach('file', xlsx, 'bang-diem.xlsx');
    // Past the token: the file itself is refused, in Vietnamese, on the page.
    expect(right.status).not.toBe(403);
    expect(right.text).not.toContain('CSRF_REJECTED');
    expect(right.text).toContain('<html lang="vi">');
  });

  it("shows on the dashboard the year's nominations of each bloc by status", async () => {
    const res = await t.anon().get('/web').set('Cookie', cookie);
    expect(res.status).toBe(200);
    // The 28/03/2024 meeting proposed four units.
    expect(res.text).toContain('khối đã đề nghị: 4');
  });

  it('lets a bloc secretary open the page of a member unit of their bloc, and not the accounts', async () => {
    await t.login({ username: 'web.thuky', role: 'BLOC_SECRETARY', blocIds: [1] });
    const res = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'web.thuky', password: 'mat-khau-thu-nghiem-2024' });
    const secretary = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const unit = await t.anon().get('/web/units/1').set('Cookie', secretary);
    expect(unit.status).toBe(200);
    const users = await t.anon().get('/web/users').set('Cookie', secretary);
    expect(users.status).toBe(403);
    expect(users.text).toContain('FORBIDDEN');
  });

  it('serves its own assets (no CDN) and redirects / to the pages', async () => {
    const css = await t.anon().get('/web/assets/app.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const root = await t.anon().get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/web');
    const page = await t.anon().get('/web/login');
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
