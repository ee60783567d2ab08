import type { ClassificationMethod } from '../classification/scale';
import type { BlocKind } from '../registry/unit-types';
import type { DocKind } from './view-model';

/** One nominee line of a ballot, as the tally decided it. */
export interface BallotLineSource {
  unitName: string;
  collectiveName: string;
  agree: number;
  disagree: number;
  noOpinion: number;
  percentText: string;
  explanation: string;
  passed: boolean;
  elected: boolean;
}

export interface BallotSource {
  tierName: string;
  roundNo: number;
  secret: boolean;
  ruleText: string;
  seats: number;
  counts: { entitled: number; issued: number; returned: number; valid: number; invalid: number };
  lines: BallotLineSource[];
  /** The tally's sentences for the minutes (method, result, tie and how it was settled). */
  minutes: string;
  /** Held electronically (issue 18): the codes and the receipt board; absent for paper ballots. */
  electronic?: {
    codesIssued: number;
    codesUsed: number;
    codesVoided: number;
    wrongAttempts: number;
    receipts: { receipt: string; choices: string[] }[];
  };
}

/**
 * The locked data of a finalized meeting that every document is built from; its SHA-256 is printed
 * in each document's footer.
 */
export interface MeetingDocSource {
  /** The organising body's header line ("UBND TỈNH HẢI DƯƠNG"). */
  parentBody: string;
  issuer: string;
  issuerSymbol: string;
  place: string;
  /** The addressee of the proposal letter (the organising body's; named so in older snapshots). */
  provinceChairman: string;
  /** The organising body's office kept informed ("Nơi nhận"); absent in older snapshots. */
  office?: string;
  /** Khối or cụm: drives the wording; absent in older snapshots (then "Khối"). */
  blocKind?: BlocKind;
  blocName: string;
  year: number;
  meeting: {
    date: string;
    startTime: string;
    endTime: string | null;
    place: string;
    chairName: string;
    chairTitle: string | null;
    secretaryName: string;
    committee: { name: string; role: string }[];
    guests: string[];
    agenda: string[];
    rehearsal: boolean;
    versionNo: number;
    correctionReason: string | null;
  };
  attendance: {
    unitName: string;
    present: boolean;
    delegate: string | null;
    absenceReason: string | null;
  }[];
  quorumText: string | null;
  ranking: {
    position: number;
    unitName: string;
    totalText: string;
    /** Subtotals per group (in `scoreGroups` order), criteria sum, bonus and penalty as counted. */
    detail?: { groups: string[]; criteria: string; bonus: string; penalty: string };
    /** The unit's yearly classification and its basis in words; absent in older snapshots. */
    classification?: { label: string; basisText: string } | null;
  }[];
  /** How the year's classification was decided and on what basis; absent when none was configured. */
  classificationScheme?: { method: ClassificationMethod; basis: string } | null;
  /** The criteria groups of the signed covenant (absent from snapshots taken before they were kept). */
  scoreGroups?: { code: string; title: string; maxText: string }[];
  ballots: BallotSource[];
  /** `verb` ("tặng") is absent in older snapshots. */
  proposals: {
    tierName: string;
    decider: string;
    verb?: string;
    collectiveNames: string[];
    /** Each collective's yearly classification label, in `collectiveNames` order; absent in older snapshots. */
    classifications?: (string | null)[];
  }[];
  nextHead: string | null;
  nextDeputy: string | null;
  /**
   * How the meeting decided next year's officers (absent in snapshots taken before it was recorded,
   * which print the older "suy tôn" sentence): the minutes' sentence, and the resolution's wording.
   */
  officerDecisions?: {
    title: string;
    unitName: string;
    method: 'VOTE' | 'ACCLAMATION';
    agree: number | null;
    text: string;
  }[];
  numbers: Readonly<Record<DocKind, number>>;
}
