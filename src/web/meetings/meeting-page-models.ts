import { formatDate } from '../core/format';
import { emptyForm, field, ticked, type FormState } from '../core/forms';
import type { BallotModel, ConsoleModel } from './meetings-pages.service';

/** Which form of the console a failed submission belongs to (its errors show there only). */
export type ConsoleForm =
  'facts' | 'attendance' | 'open' | 'ballot' | 'finalize' | 'correction' | 'approval' | 'top';

export const meetingUrl = (mid: number) => `/web/meetings/${mid}`;
export const ballotUrl = (mid: number, bid: number) => `/web/meetings/${mid}/ballots/${bid}`;

type Meeting = ConsoleModel['meeting'];

/** The trail above a meeting's pages: the year's overview, the bloc-year's meetings. */
export function meetingCrumbs(m: Meeting): { href: string; label: string }[] {
  return [
    { href: '/web', label: 'Tổng quan năm' },
    {
      href: `/web/blocs/${m.blocId}/terms/${m.year}/meetings`,
      label: `${m.blocName}, năm ${m.year}`,
    },
  ];
}

/**
 * The console page: the meeting's model with each form's state; a refused form's values and
 * messages go to that form (or to the top of the page when it no longer shows).
 */
export function consolePage(model: ConsoleModel, which: ConsoleForm | null, form: FormState) {
  const forms: Record<ConsoleForm, FormState> = {
    facts: emptyForm(),
    attendance: emptyForm(),
    open: emptyForm(),
    ballot: emptyForm(),
    finalize: emptyForm(),
    correction: emptyForm(),
    approval: emptyForm(),
    top: emptyForm(),
  };
  // A refusal of a form the page no longer shows (the meeting moved on meanwhile, e.g. it was
  // finalized in another tab) is shown at the top of the page.
  const shown: Record<ConsoleForm, boolean> = {
    facts: model.canEditFacts,
    attendance: model.canEditAttendance,
    open: model.canOpen,
    ballot: true,
    finalize: model.canFinalize,
    correction: model.canCorrect,
    approval: model.canDecideCorrection,
    top: true,
  };
  if (which) forms[shown[which] ? which : 'top'] = form;
  // After a refused attendance submission the boxes show what was sent (an unticked box sends
  // nothing), else what is stored. `version` is always sent by the attendance form.
  const sent = 'version' in forms.attendance.values ? forms.attendance.values : null;
  const rows = model.rows.map((r) => ({
    ...r,
    writtenChecked: sent ? field.bool(sent[`written.${r.id}`]) : r.written,
  }));
  return {
    title: `Hội nghị bình xét ngày ${formatDate(model.meeting.meetingDate)}`,
    model: { ...model, rows, forms },
    breadcrumbs: meetingCrumbs(model.meeting),
  };
}

/**
 * The ballot page: the ballot's model with the count form's state, the warnings to acknowledge
 * (asked now, or acknowledged in the submission shown again) and the chair's choices as sent.
 */
export function ballotPage(
  model: BallotModel,
  form: FormState,
  warnings: { code: string; message: string }[],
) {
  const m = model.meeting;
  const asked = new Map(warnings.map((w) => [w.code, w.message]));
  for (const k of Object.keys(form.values))
    if (k.startsWith('ack.') && !asked.has(k.slice(4))) asked.set(k.slice(4), '');
  // The chair's choices as submitted after a refusal (the form always sends `note`).
  const chosen = ticked(form, 'chosenUnitIds', 'note');
  const tie = model.results?.tie;
  const results = model.results && {
    ...model.results,
    tie: tie && {
      ...tie,
      candidates: tie.candidates.map((c) => ({
        ...c,
        checked: chosen?.has(String(c.value)) ?? false,
      })),
    },
  };
  return {
    title: `Phiếu bầu: ${model.ballot.tierName}${model.ballot.roundNo > 1 ? ` (vòng ${model.ballot.roundNo})` : ''}`,
    model: {
      ...model,
      results,
      form,
      showsForm:
        model.mode === 'enter' ||
        model.mode === 'correct' ||
        Boolean(model.canWrite && model.results?.tie?.pending),
      warnings: [...asked].map(([code, message]) => ({ code, message, name: `ack.${code}` })),
    },
    breadcrumbs: [
      ...meetingCrumbs(m),
      { href: meetingUrl(m.id), label: `Hội nghị ngày ${formatDate(m.meetingDate)}` },
    ],
  };
}
