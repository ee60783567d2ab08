import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ClassificationRepository,
  type StoredClassification,
} from '../scoring/classification/classification.repository';
import { describeClassificationBasis } from '../domain/classification/format';
import { AuditService } from '../audit/audit.service';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { DOCUMENT_BUILDERS } from '../domain/documents/builders';
import { issuerSymbol } from '../domain/documents/format';
import type { MeetingDocSource } from '../domain/documents/source';
import {
  buildCouncilListViewModel,
  buildDraftDecisionViewModel,
  type ProvinceDocSource,
} from '../domain/documents/province-builders';
import {
  DOC_KIND_LABELS,
  DOC_TYPE_SYMBOL,
  type DocKind,
  type DocumentViewModel,
} from '../domain/documents/view-model';
import { decisionGrounds } from '../domain/registry/legal-citation';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { authorityTitle } from '../domain/registry/deciding-authority';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import { formatPoints } from '../domain/scoring/points';
import { MeetingsService } from '../meetings/meetings.service';
import { ProvinceErrors } from '../registry/provinces/province.errors';
import { ProvincesRepository } from '../registry/provinces/provinces.repository';
import { ScoringService } from '../scoring/scoring.service';
import type { DocumentSignatureEntity } from './document-signature.entity';
import type { GeneratedDocumentEntity } from './document.entity';
import { DocumentErrors } from './document.errors';
import { DocumentsRepository } from './documents.repository';
import { renderDocx } from './render/docx-renderer';
import { precompileTemplates, renderHtml, TEMPLATE_VERSION } from './render/html-renderer';
import { renderPdf } from './render/pdf-renderer';

export type DocFormat = 'html' | 'pdf' | 'docx';

/** The provincial stage as ProvinceStageService.provinceYear returns it (the fields the documents use). */
export interface ProvinceStage {
  tiers: {
    tier: { code: string; name: string };
    cap: { text: string } | null;
    nominations: {
      unit: { collectiveName: string };
      blocName: string;
      status: string;
      statusLabel: string;
      council: { agree: number; members: number } | null;
    }[];
  }[];
}

export interface DocumentDto {
  id: number;
  meetingId: number;
  kind: DocKind;
  kindLabel: string;
  versionNo: number;
  numberText: string;
  snapshotSha256: string;
  templateVersion: string;
  createdAt: string;
  links: Record<DocFormat, string>;
  /** The digital signature of this version, when it has been signed; its PDF is then these bytes. */
  signature: DocumentSignatureDto | null;
}

export interface DocumentSignatureDto {
  signedAt: string;
  signerName: string;
  organizationName: string;
  /** SHA-256 of the signed PDF as served. */
  sha256: string;
  certificate: {
    subject: string;
    issuer: string;
    serial: string;
    validFrom: string;
    validTo: string;
  };
}

const toSignatureDto = (s: DocumentSignatureEntity): DocumentSignatureDto => ({
  signedAt: s.signedAt,
  signerName: s.signerName,
  organizationName: s.organizationName,
  sha256: s.signedSha256,
  certificate: {
    subject: s.certSubject,
    issuer: s.certIssuer,
    serial: s.certSerial,
    validFrom: s.certValidFrom,
    validTo: s.certValidTo,
  },
});

const toDto = (
  d: GeneratedDocumentEntity,
  signature: DocumentSignatureEntity | null = null,
): DocumentDto => ({
  id: d.id,
  meetingId: d.meetingId,
  kind: d.kind,
  kindLabel: DOC_KIND_LABELS[d.kind],
  versionNo: d.versionNo,
  numberText: d.numberText,
  snapshotSha256: d.snapshotSha256,
  templateVersion: d.templateVersion,
  createdAt: new Date(d.createdAt).toISOString(),
  links: {
    html: `/api/documents/${d.id}/van-ban.html`,
    pdf: `/api/documents/${d.id}/van-ban.pdf`,
    docx: `/api/documents/${d.id}/van-ban.docx`,
  },
  signature: signature ? toSignatureDto(signature) : null,
});

/** The canonical JSON of a snapshot (keys sorted), so that its SHA-256 does not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Official documents of a finalized meeting: the locked data is gathered into a snapshot, numbered
 * in the issuer's series, stored with its SHA-256 and template version, and rendered on request as
 * HTML, PDF or Word from the same view model.
 */
@Injectable()
export class DocumentsService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly docs: DocumentsRepository,
    private readonly meetings: MeetingsService,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
    private readonly provinces: ProvincesRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly audit: AuditService,
    private readonly classifications: ClassificationRepository,
  ) {}

  onModuleInit(): void {
    precompileTemplates();
  }

  list(meetingId: number): Promise<DocumentDto[]> {
    return this.db.read(async (em) => {
      await this.meetings.view(em, meetingId);
      const docs = await this.docs.list(em, meetingId);
      const signatures = await this.docs.signaturesOf(
        em,
        docs.map((d) => d.id),
      );
      return docs.map((d) => toDto(d, signatures.get(d.id) ?? null));
    });
  }

  /** One document version with its signature, if any. */
  dto(id: number): Promise<DocumentDto> {
    return this.db.read(async (em) => {
      const doc = await this.docs.findById(em, id);
      if (!doc) throw new AppError(DocumentErrors.NOT_FOUND);
      return toDto(doc, await this.docs.signatureInfo(em, id));
    });
  }

  kindLabel(kind: DocKind): string {
    return DOC_KIND_LABELS[kind];
  }

  /** Generates (or regenerates as a new version, same number) one document of a finalized meeting. */
  generate(meetingId: number, kind: DocKind): Promise<DocumentDto> {
    return this.db.write((em) => this.generateIn(em, meetingId, kind));
  }

  /**
   * Generates several kinds of a meeting's documents in one transaction: either all are issued or
   * none is (a failure on one kind rolls back the others).
   */
  generateMany(meetingId: number, kinds: readonly DocKind[]): Promise<DocumentDto[]> {
    return this.db.write(async (em) => {
      const out: DocumentDto[] = [];
      for (const kind of kinds) out.push(await this.generateIn(em, meetingId, kind));
      return out;
    });
  }

  /** The latest version of a meeting's document of a kind, generating the first one when there is none. */
  async latestOrGenerate(meetingId: number, kind: DocKind): Promise<DocumentDto> {
    const existing = await this.db.read((em) => this.docs.latest(em, meetingId, kind));
    return existing ? toDto(existing) : this.generate(meetingId, kind);
  }

  /**
   * A draft of a meeting's document (`npm run report -- --draft`): built from the locked data as it
   * stands, stored nowhere, given no number ("Số:      /BB-…") and marked "DỰ THẢO" on every page.
   */
  async draft(
    meetingId: number,
    kind: DocKind,
    format: DocFormat,
  ): Promise<{ fileName: string; content: Buffer | string }> {
    const source = await this.db.read((em) => this.source(em, meetingId));
    const snapshot = { ...source.doc, numbers: { ...source.doc.numbers, [kind]: 0 } };
    const sha = createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
    const built = DOCUMENT_BUILDERS[kind](snapshot, sha, TEMPLATE_VERSION);
    const vm: DocumentViewModel = {
      ...built,
      header: {
        ...built.header,
        numberText: built.header.numberText.replace(/^Số: 00\//, 'Số:      /'),
      },
      watermark: built.watermark ?? 'DỰ THẢO',
    };
    const fileName = `${kind.toLowerCase()}-du-thao.${format}`;
    if (format === 'html') return { fileName, content: renderHtml(vm) };
    if (format === 'pdf') return { fileName, content: await renderPdf(vm) };
    return { fileName, content: await renderDocx(vm) };
  }

  /** Renders a stored document from its snapshot (never from live data). */
  async render(
    id: number,
    format: DocFormat,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer | string }> {
    const [doc, signedPdf] = await this.db.read(
      async (em) =>
        [
          await this.docs.findById(em, id),
          format === 'pdf' ? await this.docs.signedPdf(em, id) : null,
        ] as const,
    );
    if (!doc) throw new AppError(DocumentErrors.NOT_FOUND);
    const vm = this.viewModel(doc);
    const name = `${doc.kind.toLowerCase()}-${doc.numberText.replace(/\//g, '-')}-v${doc.versionNo}`;
    switch (format) {
      case 'html':
        return {
          fileName: `${name}.html`,
          mimeType: 'text/html; charset=utf-8',
          content: renderHtml(vm),
        };
      case 'pdf':
        // A signed version is served as the exact bytes that were signed, never laid out again.
        return {
          fileName: signedPdf ? `${name}-da-ky-so.pdf` : `${name}.pdf`,
          mimeType: 'application/pdf',
          content: signedPdf ?? (await renderPdf(vm)),
        };
      case 'docx':
        return {
          fileName: `${name}.docx`,
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          content: await renderDocx(vm),
        };
    }
  }

  /**
   * The provincial stage's documents (council list, draft decision) of a year, rendered from the
   * nominations as they stand; drafts carry no number (the province's own office numbers its acts).
   */
  async province(
    provinceId: number,
    year: number,
    name: 'council-list' | 'draft-decision',
    format: DocFormat,
    stage: ProvinceStage,
    date: string,
  ) {
    const province = await this.db.read((em) => this.provinces.findById(em, provinceId));
    if (!province) throw new AppError(ProvinceErrors.NOT_FOUND);
    const rulesInForce = await this.db.read(async (em) => {
      const tiers = await this.tiers.listTiers(em);
      const rules = await this.tiers.rulesOfTiers(
        em,
        tiers.map((t) => t.id),
      );
      // Each tier's rule in force for the award year (R1), so a 2023 decision cites the 2023 law.
      return tiers.flatMap((t) => {
        const r = resolveRuleOn(
          rules.filter((x) => x.tierId === t.id),
          reviewReferenceDate(year),
        );
        return r ? [r.legalDocument] : [];
      });
    });
    const tiersByCode = new Map(
      (await this.db.read((em) => this.tiers.listTiers(em))).map((t) => [t.code, t]),
    );
    const deciderOf = (code: string) => {
      const authority = tiersByCode.get(code)?.authority;
      return authority ? authorityTitle(authority, province.fullName) : '';
    };
    const source: ProvinceDocSource = {
      provinceName: province.name,
      provinceFullName: province.fullName,
      year,
      date,
      legalBases: decisionGrounds(rulesInForce),
      tiers: stage.tiers.map((t) => ({
        tierName: t.tier.name,
        decider: deciderOf(t.tier.code),
        capText: t.cap?.text ?? null,
        items: t.nominations.map((n) => ({
          collectiveName: n.unit.collectiveName,
          blocName: n.blocName,
          statusLabel: n.statusLabel,
          councilText: n.council ? `${n.council.agree}/${n.council.members}` : null,
          selected: n.status === 'PASSED' || n.status === 'DECIDED',
        })),
      })),
    };
    const sha = createHash('sha256').update(canonicalJson(source)).digest('hex');
    const vm =
      name === 'council-list'
        ? buildCouncilListViewModel(source, sha, TEMPLATE_VERSION)
        : buildDraftDecisionViewModel(source, sha, TEMPLATE_VERSION);
    const fileName = `${name}-${year}.${format}`;
    if (format === 'html')
      return { fileName, mimeType: 'text/html; charset=utf-8', content: renderHtml(vm) };
    if (format === 'pdf')
      return { fileName, mimeType: 'application/pdf', content: await renderPdf(vm) };
    return {
      fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: await renderDocx(vm),
    };
  }

  viewModel(doc: GeneratedDocumentEntity): DocumentViewModel {
    return DOCUMENT_BUILDERS[doc.kind](
      JSON.parse(doc.snapshot) as MeetingDocSource,
      doc.snapshotSha256,
      doc.templateVersion,
    );
  }

  /** One document inside the caller's transaction (no Db call: Db jobs must not nest). */
  private async generateIn(
    em: EntityManager,
    meetingId: number,
    kind: DocKind,
  ): Promise<DocumentDto> {
    const source = await this.source(em, meetingId);
    const previous = await this.docs.latest(em, meetingId, kind);
    const number =
      previous?.number ??
      (await this.docs.nextNumber(
        em,
        `bloc:${source.blocId}`,
        Number(source.doc.meeting.date.slice(0, 4)),
      ));
    const snapshot = { ...source.doc, numbers: { ...source.doc.numbers, [kind]: number } };
    const json = canonicalJson(snapshot);
    const sha = createHash('sha256').update(json).digest('hex');
    const saved = await this.docs.insert(em, {
      meetingId,
      kind,
      versionNo: (previous?.versionNo ?? 0) + 1,
      number,
      numberText: `${number < 10 ? `0${number}` : number}/${DOC_TYPE_SYMBOL[kind]}-${snapshot.issuerSymbol}`,
      snapshot: json,
      snapshotSha256: sha,
      templateVersion: TEMPLATE_VERSION,
    });
    await this.audit.record(em, {
      action: 'document.generate',
      entityType: 'generated_document',
      entityId: saved.id,
      after: { kind, versionNo: saved.versionNo, number, sha256: sha },
    });
    return toDto(saved);
  }

  /** Gathers the locked data of a finalized meeting. */
  private async source(
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
