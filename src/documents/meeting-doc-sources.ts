import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError } from '../common/errors/app-error';
import { describeClassificationBasis } from '../domain/classification/format';
import { issuerSymbol } from '../domain/documents/format';
import type { MeetingDocSource } from '../domain/documents/source';
import { authorityTitle } from '../domain/registry/deciding-authority';
import { formatPoints } from '../domain/scoring/points';
import { MeetingsService } from '../meetings/meetings.service';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import {
  ClassificationRepository,
  type StoredClassification,
} from '../scoring/classification/classification.repository';
import { ScoringService } from '../scoring/scoring.service';
import { DocumentErrors } from './document.errors';

/**
 * The locked data of a finalized meeting gathered into the snapshot its documents are built from
 * (`MeetingDocSource`): the meeting and its ballots' records, the ranking, the tiers and deciding
 * authorities, the organising body's words, the classification. Read inside the caller's transaction.
 */
@Injectable()
export class MeetingDocSources {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly classifications: ClassificationRepository,
  ) {}

  /** Gathers the locked data of a finalized meeting. */
  async source(
    em: EntityManager,
    meetingId: number,
  ): Promise<{ blocId: number; doc: MeetingDocSource }> {
    const v = await this.meetings.view(em, meetingId);
    if (v.status !== 'FINALIZED') throw new AppError(DocumentErrors.NOT_LOCKED);
    const ctx = await this.scoring.context(em, v.blocId, v.year);
    const tiers = new Map((await this.tiers.listTiers(em)).map((t) => [t.id, t]));
    const ranking = ctx.domainSet ? await this.scoring.computeRanking(em, ctx) : null;
    const byCode = new Map(ctx.members.map((u) => [u.code, u]));
    const body = await this.bodies.forBloc(em, ctx.bloc);
    const authorityOf = (tierId: number) => tiers.get(tierId)?.authority;
    const deciderOf = (tierId: number) => {
      const authority = authorityOf(tierId);
      return authority ? authorityTitle(authority, body.locality) : '';
    };
    const proposals = new Map<number, string[]>();
    const proposedLevels = new Map<number, (string | null)[]>();
    const scheme = await this.classifications.schemeForTerm(em, ctx.term.id);
    const levelOf = new Map(
      (await this.classifications.forTerm(em, ctx.term.id)).map((c) => [c.unitId, c]),
    );
    // the tally and the counts from the ballots' typed records (decoded and checked once)
    const records = new Map(
      (await this.meetings.ballotRecords(em, meetingId)).map((r) => [r.id, r]),
    );
    const ballots = v.ballots
      .flatMap((b) => {
        const r = records.get(b.id);
        return r?.tally && r.acceptedCounts
          ? [{ b, tally: r.tally, counts: r.acceptedCounts }]
          : [];
      })
      .map(({ b, tally, counts }) => {
        for (const w of tally.winners) {
          const u = byCode.get(w);
          if (u) {
            proposals.set(b.tierId, [...(proposals.get(b.tierId) ?? []), u.collectiveName]);
            proposedLevels.set(b.tierId, [
              ...(proposedLevels.get(b.tierId) ?? []),
              levelOf.get(u.id)?.label ?? null,
            ]);
          }
        }
        return {
          tierName: b.tierName,
          roundNo: b.roundNo,
          secret: b.method === 'SECRET',
          ruleText: b.ruleText ?? '',
          seats: b.seats,
          counts: {
            entitled: counts.membersEntitled,
            issued: counts.ballotsIssued,
            returned: counts.ballotsReturned,
            valid: counts.valid,
            invalid: counts.invalid,
          },
          lines: tally.lines.map((l) => {
            const u = byCode.get(l.nomineeId);
            const c = counts.nominees.find((n) => n.nomineeId === l.nomineeId);
            return {
              unitName: u?.fullName ?? l.nomineeId,
              collectiveName: u?.collectiveName ?? l.nomineeId,
              agree: l.agree,
              disagree: c?.disagree ?? 0,
              noOpinion: c?.noOpinion ?? 0,
              percentText: l.percentageText,
              explanation: l.explanation,
              passed: l.passed,
              elected: tally.winners.includes(l.nomineeId),
            };
          }),
          minutes: tally.minutes,
          ...(b.electronic
            ? {
                electronic: {
                  codesIssued: b.electronic.codesIssued,
                  codesUsed: b.electronic.casts,
                  codesVoided: b.electronic.codesVoided,
                  wrongAttempts: b.electronic.wrongAttempts,
                  receipts: b.electronic.receipts,
                },
              }
            : {}),
        };
      });
    const doc: MeetingDocSource = {
      parentBody: body.headerLine,
      issuer: ctx.bloc.name.toUpperCase(),
      issuerSymbol: issuerSymbol(ctx.bloc.kind),
      place: body.place,
      provinceChairman: body.addressee,
      office: body.office,
      blocKind: ctx.bloc.kind,
      blocName: ctx.bloc.name,
      year: v.year,
      meeting: {
        date: v.meetingDate,
        startTime: v.startTime,
        endTime: v.endTime,
        place: v.place,
        chairName: v.chairName,
        chairTitle: v.chairTitle,
        secretaryName: v.secretaryName,
        committee: v.countingCommittee.map((c) => ({ name: c.name, role: c.role })),
        guests: v.guests,
        agenda: v.agenda,
        rehearsal: v.isRehearsal,
        versionNo: v.versionNo,
        correctionReason: v.correctionReason,
      },
      attendance: v.attendance.map((a) => ({
        unitName: a.unit.fullName,
        present: a.present,
        delegate: a.delegateName,
        absenceReason: a.absenceReason,
      })),
      quorumText: v.quorum.explanation,
      ranking: (ranking?.entries ?? []).map((e) => ({
        position: e.position,
        unitName: byCode.get(e.unitCode)?.fullName ?? e.unitCode,
        totalText: formatPoints(e.totals.grandTotal),
        detail: {
          groups: (ctx.domainSet?.groups ?? []).map((g) =>
            formatPoints(e.totals.groups.find((x) => x.groupCode === g.code)?.subtotal ?? 0),
          ),
          criteria: formatPoints(e.totals.criteriaTotal),
          bonus: formatPoints(e.totals.bonusTotal),
          penalty: formatPoints(e.totals.penaltyTotal),
        },
        classification: this.classificationOf(levelOf.get(byCode.get(e.unitCode)?.id ?? 0)),
      })),
      classificationScheme: scheme ? { method: scheme.method, basis: scheme.basis } : null,
      scoreGroups: (ctx.domainSet?.groups ?? []).map((g) => ({
        code: g.code,
        title: g.title,
        maxText: formatPoints(g.maxPoints),
      })),
      ballots,
      proposals: [...proposals].map(([tierId, names]) => ({
        tierName: tiers.get(tierId)?.name ?? '',
        decider: deciderOf(tierId),
        verb: authorityOf(tierId)?.awardVerb ?? 'tặng',
        collectiveNames: names,
        classifications: proposedLevels.get(tierId) ?? [],
      })),
      nextHead: v.nextHeadUnit?.fullName ?? null,
      nextDeputy: v.nextDeputyUnit?.fullName ?? null,
      // only when recorded, so that the snapshot (and its SHA-256) of a meeting without it is unchanged
      ...(v.officerDecisions.length > 0
        ? {
            officerDecisions: v.officerDecisions.map((d) => ({
              title: d.title,
              unitName: d.unit.fullName,
              method: d.method,
              agree: d.vote?.agree ?? null,
              text: d.text,
            })),
          }
        : {}),
      numbers: { MINUTES: 0, VOTE_COUNT: 0, PROPOSAL: 0, RESOLUTION: 0, SCORE_TABLE: 0 },
    };
    return { blocId: ctx.bloc.id, doc };
  }

  private classificationOf(
    c: StoredClassification | undefined,
  ): { label: string; basisText: string } | null {
    return c ? { label: c.label, basisText: describeClassificationBasis(c.basis) } : null;
  }
}
