import { clientAddress } from '../../common/http/client-address';
import { CHOICE_LABELS, CHOICES, type Choice } from '../../domain/voting/electronic';
import type { BallotInfo } from '../../meetings/electronic/electronic-ballots.service';
import type { WebRequest } from '../core/web-page.service';

/** The secretary's electronic console of a ballot. */
export const consoleUrl = (mid: number, bid: number) =>
  `/web/meetings/${mid}/ballots/${bid}/dien-tu`;
/** The short address a delegate types (shown on the projector and printed on the slips). */
export const votingPath = (bid: number) => `/web/bp/${bid}`;
/** The room's address as the phones reach it: "http://192.168.1.10:3000" (no path, no query). */
export const ROOM_ADDRESS = /^https?:\/\/[A-Za-z0-9.[\]:-]{1,100}$/;

/** The choices of a submitted ballot form, one per nominee (`c0`, `c1`, …); null where unmarked. */
export function choicesOf(values: Record<string, string>, count: number): (Choice | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const v = values[`c${i}`];
    return v && (CHOICES as readonly string[]).includes(v) ? (v as Choice) : null;
  });
}

/** The nominees with their three options, the delegate's marks ticked ("Không có ý kiến" when none). */
export function ballotRows(info: BallotInfo, marks: readonly (Choice | null)[]) {
  return info.nominees.map((name, i) => ({
    index: i,
    name,
    options: CHOICES.map((c) => ({
      value: c,
      label: CHOICE_LABELS[c],
      checked: (marks[i] ?? 'NO_OPINION') === c,
    })),
  }));
}

/** The delegate's address as the code check counts attempts by it. */
export const address = (req: WebRequest): string => clientAddress(req).slice(0, 64);

/** The address this request reached the server at ("http://192.168.1.10:3000"). */
export function origin(req: WebRequest): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
