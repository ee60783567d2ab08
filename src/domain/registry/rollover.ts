import { BLOC_WORDS } from './organizing-body';
import { isActiveDuringYear, type BlocKind } from './unit-types';

export interface RolloverUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface RolloverBlocInput {
  readonly blocId: number;
  readonly blocCode: string;
  readonly blocName: string;
  /** Khối or cụm: the officers are worded "trưởng, phó khối" or "trưởng, phó cụm". */
  readonly blocKind: BlocKind;
  /** The bloc's organization (null: none): a unit sits in one bloc a year of each (issue 21). */
  readonly organizationId: number | null;
  /** This year's term, or null when the bloc has none. */
  readonly term: { readonly id: number; readonly members: readonly RolloverUnit[] } | null;
  /** True when next year's term already exists (created by a meeting or by hand). */
  readonly nextExists: boolean;
  /** Head and deputy elected for next year by the finalized meeting, when it recorded them. */
  readonly elected: {
    readonly headUnitId: number | null;
    readonly deputyUnitId: number | null;
    readonly meetingDate: string;
  } | null;
}

export interface RolloverRefusal {
  readonly unit: RolloverUnit;
  readonly code: 'ROLLOVER_UNIT_DISSOLVED' | 'ROLLOVER_UNIT_IN_TWO_BLOCS';
  readonly message: string;
}

export type RolloverOutcome = 'CREATE' | 'EXISTS' | 'NO_TERM' | 'REFUSED';

export interface RolloverBlocPlan {
  readonly blocId: number;
  readonly blocCode: string;
  readonly blocName: string;
  readonly outcome: RolloverOutcome;
  readonly message: string;
  readonly members: RolloverUnit[];
  readonly refused: RolloverRefusal[];
  readonly head: RolloverUnit | null;
  readonly deputy: RolloverUnit | null;
  readonly officersSource: string;
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Plans next year's term of every bloc (R13, R14): this year's members carried over when they
 * still exist next year and sit in no other bloc then; head and deputy as elected by the
 * meeting when they are among those members. A bloc whose next term exists is left as it is.
 */
export function planRollover(
  year: number,
  blocs: readonly RolloverBlocInput[],
  /** Units already in a bloc next year, per organization (null: none): unit id → that bloc's name. */
  takenNextYear: ReadonlyMap<number | null, ReadonlyMap<number, string>>,
  /** Names of the units that continue a dissolved one, for the refusal message. */
  successorNames: ReadonlyMap<number, readonly string[]>,
): RolloverBlocPlan[] {
  const next = year + 1;
  return blocs.map((b) => {
    const base = {
      blocId: b.blocId,
      blocCode: b.blocCode,
      blocName: b.blocName,
      members: [],
      refused: [],
      head: null,
      deputy: null,
      officersSource: '',
    };
    if (b.term === null)
      return {
        ...base,
        outcome: 'NO_TERM',
        message: `Không có năm ${year}; không tạo năm ${next}.`,
      };
    if (b.nextExists)
      return { ...base, outcome: 'EXISTS', message: `Năm ${next} đã có; giữ nguyên.` };
    const members: RolloverUnit[] = [];
    const refused: RolloverRefusal[] = [];
    for (const u of b.term.members) {
      if (!isActiveDuringYear(u, next)) {
        const successors = successorNames.get(u.id) ?? [];
        refused.push({
          unit: u,
          code: 'ROLLOVER_UNIT_DISSOLVED',
          message:
            `${u.name} hết hiệu lực ngày ${vnDate(u.validTo ?? '')}, không còn trong năm ${next}` +
            (successors.length > 0
              ? ` (kế thừa bởi ${successors.join(', ')}; hãy thêm vào khối nếu cần).`
              : '.'),
        });
        continue;
      }
      const other = takenNextYear.get(b.organizationId)?.get(u.id);
      if (other !== undefined) {
        refused.push({
          unit: u,
          code: 'ROLLOVER_UNIT_IN_TWO_BLOCS',
          message: `${u.name} đã là thành viên của "${other}" năm ${next}; một đơn vị chỉ ở một khối mỗi năm.`,
        });
        continue;
      }
      members.push(u);
    }
    if (members.length === 0)
      return {
        ...base,
        refused,
        outcome: 'REFUSED',
        message: `Không còn đơn vị nào để chuyển sang năm ${next}.`,
      };
    const pick = (id: number | null) =>
      id === null ? null : (members.find((m) => m.id === id) ?? null);
    const head = pick(b.elected?.headUnitId ?? null);
    const deputy = pick(b.elected?.deputyUnitId ?? null);
    const words = BLOC_WORDS[b.blocKind];
    const officers = `${words.head.toLocaleLowerCase('vi')}, ${words.deputy.toLocaleLowerCase('vi')}`;
    const officersSource =
      b.elected === null
        ? `Chưa có hội nghị bình xét chốt ${officers}: để trống.`
        : head === null && deputy === null
          ? `Hội nghị ngày ${vnDate(b.elected.meetingDate)} không ghi ${officers} còn là thành viên: để trống.`
          : `Theo hội nghị bình xét ngày ${vnDate(b.elected.meetingDate)}.`;
    return {
      ...base,
      outcome: 'CREATE',
      message:
        `Tạo năm ${next} với ${members.length} đơn vị` +
        (refused.length > 0 ? `, ${refused.length} đơn vị không chuyển.` : '.'),
      members,
      refused,
      head,
      deputy,
      officersSource,
    };
  });
}
