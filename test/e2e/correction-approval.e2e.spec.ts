import { visibleText } from '../helpers/page-text';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

interface Request {
  id: number;
  status: string;
  statusLabel: string;
  reason: string;
  requestedBy: string;
  decisionNote: string | null;
  correctionMeetingId: number | null;
  allowedTransitions: string[];
  version: number;
}
interface Meeting {
  id: number;
  status: string;
  version: number;
  versionNo: number;
  supersedesId: number | null;
  correctionReason: string | null;
  correctionNeedsApproval: boolean;
  pendingCorrection: Request | null;
}

/**
 * Issue 16: a correction (đính chính) of a finalized meeting where the organising body wants two
 * people: started by the bloc secretary or office staff, pending until an administrator other than
 * the one who started it approves (the correction version opens) or rejects it (with a reason).
 * The seeded 28/03/2024 meeting is finalized; its bloc's organising body is switched to approval.
 */
describe('correction of a finalized meeting approved by an administrator', () => {
  let t: TestApp;
  let blocId: number;
  let meetingId: number;
  let secretary: string;
  let staff: string;
  let secondAdmin: string;
  const meeting = async () =>
    (await t.http().get(`/api/meetings/${meetingId}`).expect(200)).body as Meeting;
  const auditActions = async () =>
    (
      await t.dataSource.query<{ action: string }[]>('SELECT action FROM audit_log ORDER BY id')
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    const bloc = (await t.http().get('/api/blocs').expect(200)).body.items[0] as {
      id: number;
      organizingBodyId: number | null;
    };
    blocId = bloc.id;
    const meetings = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200))
      .body as (Meeting & { isRehearsal: boolean })[];
    meetingId = meetings.find((m) => !m.isRehearsal && m.status === 'FINALIZED')!.id;
    secretary = await t.login({
      username: 'thuky.dinhchinh',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    staff = await t.login({ username: 'vanphong.dinhchinh', role: 'OFFICE_STAFF' });
    secondAdmin = await t.login({ username: 'quantri.hai', role: 'OFFICE_ADMIN' });
  });
  afterAll(() => t.close());

  it('opens the correction at once by default, as before (no approval asked)', async () => {
    const m = await meeting();
    expect(m).toMatchObject({
      status: 'FINALIZED',
      correctionNeedsApproval: false,
      pendingCorrection: null,
    });
  });

  it('leaves the correction pending when the organising body asks for two people', async () => {
    const bodyId = (
      await t.dataSource.query<{ id: number | null }[]>(
        `SELECT organizing_body_id AS id FROM bloc WHERE id = ${blocId}`,
      )
    )[0]!.id;
    expect(bodyId).not.toBeNull();
    const body = (await t.http().get(`/api/organizing-bodies/${bodyId}`).expect(200)).body;
    expect(body.correctionNeedsApproval).toBe(false);
    const updated = (
      await t
        .http()
        .patch(`/api/organizing-bodies/${bodyId}`)
        .send({ version: body.version, correctionNeedsApproval: true })
        .expect(200)
    ).body;
    expect(updated.correctionNeedsApproval).toBe(true);

    const m = await meeting();
    const res = await t
      .as(secretary)
      .post(`/api/meetings/${meetingId}/corrections`)
      .send({ version: m.version, reason: 'Ghi sai họ tên một thành viên ban kiểm phiếu' })
      .expect(202);
    expect(res.body).toMatchObject({
      id: meetingId,
      status: 'FINALIZED',
      correctionNeedsApproval: true,
      pendingCorrection: {
        status: 'PENDING',
        statusLabel: 'chờ quản trị viên duyệt',
        reason: 'Ghi sai họ tên một thành viên ban kiểm phiếu',
        allowedTransitions: ['APPROVED', 'REJECTED'],
      },
    });
    expect((await auditActions()).at(-1)).toBe('meeting.correction.request');

    // one pending request at a time
    const before = await rowCounts(t.dataSource);
    const again = await t
      .as(staff)
      .post(`/api/meetings/${meetingId}/corrections`)
      .send({ version: m.version, reason: 'Đề nghị thứ hai' })
      .expect(409);
    expect(again.body.code).toBe('MEETING_CORRECTION_PENDING');
    expect(again.body.message).toMatch(/chờ quản trị viên duyệt/);
    // office staff and the secretary cannot decide
    const rid = (res.body as Meeting).pendingCorrection!.id;
    for (const token of [staff, secretary])
      await t
        .as(token)
        .post(`/api/meetings/${meetingId}/correction-requests/${rid}/approve`)
        .send({ version: 1 })
        .expect(403);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('lets an administrator reject it with a reason; the finalized meeting stays as it was', async () => {
    const rid = (await meeting()).pendingCorrection!.id;
    const before = await rowCounts(t.dataSource);
    const noReason = await t
      .http()
      .post(`/api/meetings/${meetingId}/correction-requests/${rid}/reject`)
      .send({ version: 1 })
      .expect(400);
    expect(noReason.body.details[0]).toMatchObject({ field: 'note', code: 'FIELD_REQUIRED' });
    expect(await rowCounts(t.dataSource)).toEqual(before);
    const rejected = (
      await t
        .http()
        .post(`/api/meetings/${meetingId}/correction-requests/${rid}/reject`)
        .send({ version: 1, note: 'Biên bản gốc ghi đúng họ tên; không cần đính chính' })
        .expect(200)
    ).body as Meeting;
    expect(rejected).toMatchObject({ id: meetingId, status: 'FINALIZED', pendingCorrection: null });
    const list = (await t.http().get(`/api/meetings/${meetingId}/correction-requests`).expect(200))
      .body as Request[];
    expect(list).toEqual([
      expect.objectContaining({
        status: 'REJECTED',
        requestedBy: expect.any(String),
        decisionNote: 'Biên bản gốc ghi đúng họ tên; không cần đính chính',
        allowedTransitions: [],
      }),
    ]);
    const twice = await t
      .http()
      .post(`/api/meetings/${meetingId}/correction-requests/${rid}/approve`)
      .send({ version: list[0]!.version })
      .expect(409);
    expect(twice.body.code).toBe('CORRECTION_REQUEST_DECIDED');
    expect((await auditActions()).at(-1)).toBe('meeting.correction.reject');
  });

  it('refuses an administrator approving the correction they started (403), then a second one opens it', async () => {
    const m = await meeting();
    const started = (
      await t
        .http()
        .post(`/api/meetings/${meetingId}/corrections`)
        .send({ version: m.version, reason: 'Bổ sung giờ kết thúc hội nghị' })
        .expect(202)
    ).body as Meeting;
    const rid = started.pendingCorrection!.id;
    const before = await rowCounts(t.dataSource);
    const own = await t
      .http()
      .post(`/api/meetings/${meetingId}/correction-requests/${rid}/approve`)
      .send({ version: 1 })
      .expect(403);
    expect(own.body).toMatchObject({
      code: 'CORRECTION_SELF_APPROVAL',
      message:
        'Không thể tự duyệt hay từ chối đề nghị đính chính do chính mình lập: cần một quản trị viên khác (hai người).',
    });
    expect(await rowCounts(t.dataSource)).toEqual(before);
    expect((await meeting()).status).toBe('FINALIZED');

    const opened = (
      await t
        .as(secondAdmin)
        .post(`/api/meetings/${meetingId}/correction-requests/${rid}/approve`)
        .send({ version: 1, note: 'Đã đối chiếu biên bản gốc' })
        .expect(200)
    ).body as Meeting;
    expect(opened).toMatchObject({
      status: 'COUNTED',
      versionNo: 2,
      supersedesId: meetingId,
      correctionReason: 'Bổ sung giờ kết thúc hội nghị',
    });
    expect((await meeting()).status).toBe('CORRECTED');
    const list = (await t.http().get(`/api/meetings/${meetingId}/correction-requests`).expect(200))
      .body as Request[];
    expect(list[1]).toMatchObject({ status: 'APPROVED', correctionMeetingId: opened.id });
    expect((await auditActions()).slice(-2)).toEqual([
      'meeting.correct',
      'meeting.correction.approve',
    ]);
  });
});

describe('correction approval through the pages', () => {
  let t: TestApp;
  let meetingId: number;

  const webSession = async (username: string) => {
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username, password: 'mat-khau-thu-nghiem-2024' });
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    let csrf = '';
    return {
      get: async (url: string) => {
        const res = await t.anon().get(url).set('Cookie', cookie).expect(200);
        csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? csrf;
        return res.text;
      },
      post: (url: string, form: Record<string, string>) =>
        t
          .anon()
          .post(url)
          .set('Cookie', cookie)
          .type('form')
          .send({ _csrf: csrf, ...form }),
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id as number;
    const meetings = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200))
      .body as (Meeting & { isRehearsal: boolean })[];
    meetingId = meetings.find((m) => !m.isRehearsal && m.status === 'FINALIZED')!.id;
    const bodyId = (
      await t.dataSource.query<{ id: number }[]>(
        `SELECT organizing_body_id AS id FROM bloc WHERE id = ${blocId}`,
      )
    )[0]!.id;
    const body = (await t.http().get(`/api/organizing-bodies/${bodyId}`).expect(200)).body;
    await t
      .http()
      .patch(`/api/organizing-bodies/${bodyId}`)
      .send({ version: body.version, correctionNeedsApproval: true })
      .expect(200);
    await t.login({ username: 'thuky.web', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    await t.login({ username: 'quantri.web', role: 'OFFICE_ADMIN' });
  });
  afterAll(() => t.close());

  it('the secretary sends the correction for approval; an administrator refuses a rejection without reason, then approves', async () => {
    const secretary = await webSession('thuky.web');
    const console1 = visibleText(await secretary.get(`/web/meetings/${meetingId}`));
    expect(console1).toContain('Gửi đề nghị đính chính');
    expect(console1).toContain('Cơ quan tổ chức yêu cầu hai người');
    const version = String(
      (await t.http().get(`/api/meetings/${meetingId}`).expect(200)).body.version,
    );
    const sent = await secretary
      .post(`/web/meetings/${meetingId}/corrections`, {
        version,
        reason: 'Ghi sai chức vụ người chủ trì',
      })
      .expect(303);
    expect(sent.headers.location).toBe(`/web/meetings/${meetingId}?tb=correctionRequested`);
    const pending = visibleText(await secretary.get(String(sent.headers.location)));
    expect(pending).toContain('Đã gửi đề nghị đính chính; biên bản đã chốt giữ nguyên');
    expect(pending).toContain('Đề nghị đính chính chờ quản trị viên duyệt');
    expect(pending).toContain('Ghi sai chức vụ người chủ trì');
    expect(pending).toContain(
      'Chờ một quản trị viên (không phải người đề nghị) duyệt hoặc từ chối.',
    );
    expect(pending).not.toContain('Duyệt đính chính');
    expect(pending).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    const admin = await webSession('quantri.web');
    const page = await admin.get(`/web/meetings/${meetingId}`);
    expect(visibleText(page)).toContain('Duyệt đính chính');
    const rid = /correction-requests\/(\d+)\/approve/.exec(page)![1]!;
    const refused = await admin
      .post(`/web/meetings/${meetingId}/correction-requests/${rid}/reject`, { version: '1' })
      .expect(400);
    expect(visibleText(refused.text)).toContain('Ghi lý do từ chối đề nghị đính chính.');
    const approved = await admin
      .post(`/web/meetings/${meetingId}/correction-requests/${rid}/approve`, { version: '1' })
      .expect(303);
    const newId = Number(
      /\/web\/meetings\/(\d+)\?tb=correctionApproved$/.exec(String(approved.headers.location))![1],
    );
    expect(newId).not.toBe(meetingId);
    expect(visibleText(await admin.get(String(approved.headers.location)))).toContain(
      'Đã duyệt đề nghị đính chính: phiên bản đính chính đã mở để sửa.',
    );
    expect((await t.http().get(`/api/meetings/${newId}`).expect(200)).body).toMatchObject({
      versionNo: 2,
      correctionReason: 'Ghi sai chức vụ người chủ trì',
    });
  });
});
