import { visibleText } from '../helpers/page-text';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

/**
 * Issue 16: next year's head and deputy recorded through the console as the meeting's decision
 * (vote or agreement with its basis), finalizing saying that next year's term was created, and the
 * dashboard staying on the year being worked on. The seeded 28/03/2024 meeting is corrected (its new
 * version is counted again) and finalized from the page.
 */
describe('next year’s officers decided on the meeting console', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let mid: number;

  const page = async (url: string) => {
    const res = await t.anon().get(url).set('Cookie', cookie).expect(200);
    csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? csrf;
    return res.text;
  };
  const post = (url: string, form: Record<string, string>) =>
    t
      .anon()
      .post(url)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, ...form });

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    await t.login({ username: 'vanphong.suyton', role: 'OFFICE_STAFF' });
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'vanphong.suyton', password: 'mat-khau-thu-nghiem-2024' });
    cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id as number;
    const meetings = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200))
      .body as { id: number; version: number; isRehearsal: boolean }[];
    const seeded = meetings.find((m) => !m.isRehearsal)!;
    await page(`/web/meetings/${seeded.id}`);
    const corrected = await post(`/web/meetings/${seeded.id}/corrections`, {
      version: String(seeded.version),
      reason: 'Ghi quyết định của hội nghị về trưởng khối, phó khối năm 2024',
    }).expect(303);
    mid = Number(/\/web\/meetings\/(\d+)/.exec(String(corrected.headers.location))![1]);
    expect(mid).not.toBe(seeded.id);
  });
  afterAll(() => t.close());

  it('asks for each officer how the meeting decided, in the words of the bloc', async () => {
    const text = visibleText(await page(`/web/meetings/${mid}`));
    expect(text).toContain('Trưởng khối năm 2024: quyết định của hội nghị');
    expect(text).toContain('Phó khối năm 2024: quyết định của hội nghị');
    expect(text).toContain('Thống nhất suy tôn, không bỏ phiếu: ghi căn cứ');
  });

  it('refuses an agreement without its basis and a vote short of a majority, keeping what was typed', async () => {
    const version = (await t.http().get(`/api/meetings/${mid}`).expect(200)).body.version as number;
    const units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      code: string;
    }[];
    const id = (code: string) => String(units.find((u) => u.code === code)!.id);
    const before = await rowCounts(t.dataSource);
    const refused = await post(`/web/meetings/${mid}/finalize`, {
      version: String(version),
      'nextHead.unitId': id('HD-CG'),
      'nextHead.method': 'ACCLAMATION',
      'nextDeputy.unitId': id('HD-GL'),
      'nextDeputy.method': 'VOTE',
      'nextDeputy.vote.ballotsIssued': '11',
      'nextDeputy.vote.ballotsReturned': '11',
      'nextDeputy.vote.valid': '11',
      'nextDeputy.vote.invalid': '0',
      'nextDeputy.vote.agree': '6',
      'nextDeputy.vote.disagree': '5',
      'nextDeputy.vote.noOpinion': '0',
    }).expect(422);
    const text = visibleText(refused.text);
    expect(text).toContain(
      'Trưởng khối năm sau được thống nhất không qua bỏ phiếu: cần ghi căn cứ',
    );
    expect(text).toContain(
      'Phó khối năm sau không được bầu: 6/12 phiếu tán thành, cần quá nửa tổng số thành viên (ít nhất 7).',
    );
    expect(refused.text).toMatch(/name="nextDeputy\.vote\.agree" type="text" value="6"/);
    expect(refused.text).toMatch(/value="ACCLAMATION" checked/);
    expect(text).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    expect(await rowCounts(t.dataSource)).toEqual(before);

    const done = await post(`/web/meetings/${mid}/finalize`, {
      version: String(version),
      'nextHead.unitId': id('HD-CG'),
      'nextHead.method': 'ACCLAMATION',
      'nextHead.basis': 'Luân phiên theo Quy chế hoạt động của Khối',
      'nextDeputy.unitId': id('HD-GL'),
      'nextDeputy.method': 'VOTE',
      'nextDeputy.vote.ballotsIssued': '11',
      'nextDeputy.vote.ballotsReturned': '11',
      'nextDeputy.vote.valid': '11',
      'nextDeputy.vote.invalid': '0',
      'nextDeputy.vote.agree': '10',
      'nextDeputy.vote.disagree': '1',
      'nextDeputy.vote.noOpinion': '0',
    }).expect(303);
    expect(done.headers.location).toBe(`/web/meetings/${mid}?tb=finalizedNextTermKhoi`);
    const after = visibleText(await page(String(done.headers.location)));
    expect(after).toContain(
      'Đã chốt kết quả hội nghị và lập danh sách khối năm sau, với trưởng khối, phó khối do hội nghị quyết định.',
    );
    expect(after).toContain(
      'Hội nghị thống nhất suy tôn huyện Cẩm Giàng làm Trưởng khối năm 2024, không bỏ phiếu; căn cứ: Luân phiên theo Quy chế hoạt động của Khối.',
    );
    expect(after).toContain('Hội nghị bầu huyện Gia Lộc làm Phó khối năm 2024: 11 phiếu phát ra');
  });

  it('created next year’s term with the decided officers, and the dashboard stays on 2023', async () => {
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id as number;
    expect((await t.http().get(`/api/blocs/${blocId}/terms/2024`).expect(200)).body).toMatchObject({
      headUnit: { code: 'HD-CG' },
      deputyUnit: { code: 'HD-GL' },
    });
    const dashboard = await page('/web');
    expect(dashboard).toContain('<option value="2024">2024</option>');
    expect(dashboard).toMatch(/<option value="2023" selected>/);
  });
});
