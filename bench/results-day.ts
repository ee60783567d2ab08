/*
 * A results day of one province through the HTTP API, as the bloc secretaries would do it: for every
 * bloc of the province, nominations from the ranking, the meeting, the roll, the ballots, each
 * ballot's counts entered twice by two different accounts (the second entry is compared with the
 * first and tallied), then finalization (nominations proposed, next year's term handed over).
 */
import { Api } from './harness';
import { median, msSince } from './stats';

export interface ResultsDay {
  blocs: number;
  ballots: number;
  entries: number;
  /** Whole day: nominations, meetings, roll, ballots, entries and tallies, finalization. */
  totalMs: number;
  /** Only the count entries (the second of each pair includes the comparison and the tally). */
  entriesMs: number;
  entryMedianMs: number;
}

interface ErrorBody {
  code?: string;
  details?: { code?: string; params?: { warningCode?: string } }[];
  eligibility?: { unacknowledged?: string[] };
}

/** Codes of the warnings a 422 WARNING_NOT_ACKNOWLEDGED names. */
function unacknowledged(body: unknown): string[] {
  const b = body as ErrorBody;
  if (b.eligibility?.unacknowledged?.length) return b.eligibility.unacknowledged;
  return (b.details ?? []).map((d) => d.params?.warningCode ?? d.code ?? '').filter(Boolean);
}

/** POST that acknowledges the warnings it is asked to, once. */
export async function postAcknowledging<T>(api: Api, url: string, body: object): Promise<T> {
  const r = await api.call<T>('POST', url, body);
  if (r.status === 422 && (r.body as ErrorBody).code === 'WARNING_NOT_ACKNOWLEDGED') {
    const acknowledgements = unacknowledged(r.body).map((code) => ({
      code,
      reason: 'Đã xem xét tại hội nghị (đo hiệu năng)',
    }));
    return api.ok<T>('POST', url, { ...body, acknowledgements });
  }
  if (r.status >= 300)
    throw new Error(`POST ${url}: ${r.status} ${JSON.stringify(r.body).slice(0, 600)}`);
  return r.body;
}

interface MeetingView {
  id: number;
  version: number;
  ballots: { id: number; tierId: number; version: number; nominees: { id: number }[] }[];
}

export async function resultsDay(
  admin: Api,
  enterers: [Api, Api],
  provinceId: number,
  year: number,
): Promise<ResultsDay> {
  const tiers = await admin.ok<{ id: number; code: string }[]>('GET', '/api/award-tiers');
  const tierId = (code: string) => tiers.find((t) => t.code === code)!.id;
  const blocs = (
    await admin.ok<{ items: { id: number; provinceId: number }[] }>(
      'GET',
      `/api/blocs?provinceId=${provinceId}&pageSize=500`,
    )
  ).items.filter((b) => b.provinceId === provinceId);
  if (blocs.length === 0) throw new Error(`no bloc in province ${provinceId}`);

  const entryTimes: number[] = [];
  let ballots = 0;
  const dayStart = process.hrtime.bigint();
  for (const bloc of blocs) {
    const base = `/api/blocs/${bloc.id}/terms/${year}`;
    const ranking = await admin.ok<{ entries: { unit: { id: number } }[] }>(
      'GET',
      `${base}/ranking`,
    );
    const order = ranking.entries.map((e) => e.unit.id);
    const slate = [
      { tier: 'PROV_FLAG', seats: 1, units: [order[0]!] },
      { tier: 'PROV_MERIT', seats: 2, units: [order[1]!, order[2]!] },
    ];
    for (const s of slate)
      for (const unitId of s.units)
        await postAcknowledging(admin, `${base}/nominations`, {
          unitId,
          tierId: tierId(s.tier),
          achievementSummary: `Hoàn thành xuất sắc nhiệm vụ năm ${year}.`,
        });
    let m = await admin.ok<MeetingView>('POST', `${base}/meetings`, {
      meetingDate: `${year + 1}-01-15`,
      startTime: '08:00',
      place: 'Hội trường Ủy ban nhân dân',
      chairName: 'Nguyễn Văn Hùng',
      chairTitle: 'Trưởng Cụm thi đua',
      secretaryName: 'Trần Thị Lan',
      countingCommittee: [
        { name: 'Lê Minh Dũng', role: 'Trưởng ban' },
        { name: 'Phạm Thu Hà', role: 'Thành viên' },
      ],
      guests: [],
      agenda: ['Bình xét, suy tôn (bỏ phiếu kín)'],
      isRehearsal: false,
    });
    const term = await admin.ok<{ members: { id: number }[] }>('GET', base);
    m = await admin.ok<MeetingView>('PUT', `/api/meetings/${m.id}/attendance`, {
      version: m.version,
      rows: term.members.map((u) => ({ unitId: u.id, present: true, delegateName: 'Đại biểu' })),
    });
    m = await admin.ok<MeetingView>('POST', `/api/meetings/${m.id}/open`, { version: m.version });
    for (const s of slate) {
      m = await admin.ok<MeetingView>('POST', `/api/meetings/${m.id}/ballots`, {
        tierId: tierId(s.tier),
        seats: s.seats,
        method: 'SECRET',
      });
      const b = m.ballots.find((x) => x.tierId === tierId(s.tier))!;
      m = await admin.ok<MeetingView>('POST', `/api/ballots/${b.id}/open`, {
        version: b.version,
      });
    }
    const n = term.members.length;
    for (const b of m.ballots) {
      ballots++;
      const counts = {
        ballotsIssued: n,
        ballotsReturned: n,
        valid: n,
        invalid: 0,
        nominees: b.nominees.map((u, k) => ({
          unitId: u.id,
          agree: n - k,
          disagree: k,
          noOpinion: 0,
        })),
      };
      for (const who of enterers) {
        const t = process.hrtime.bigint();
        await postAcknowledging(who, `/api/ballots/${b.id}/entries`, { counts });
        entryTimes.push(msSince(t));
      }
    }
    m = await admin.ok<MeetingView>('GET', `/api/meetings/${m.id}`);
    await admin.ok('POST', `/api/meetings/${m.id}/finalize`, {
      version: m.version,
      endTime: '11:00',
      nextHead: {
        unitId: order[0],
        method: 'ACCLAMATION',
        basis: 'Luân phiên theo quy chế của khối',
      },
      nextDeputy: {
        unitId: order[1],
        method: 'ACCLAMATION',
        basis: 'Luân phiên theo quy chế của khối',
      },
    });
  }
  return {
    blocs: blocs.length,
    ballots,
    entries: entryTimes.length,
    totalMs: msSince(dayStart),
    entriesMs: entryTimes.reduce((a, b) => a + b, 0),
    entryMedianMs: median(entryTimes),
  };
}
