import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocErrors } from '../registry/blocs/bloc.errors';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import { validateCriteriaSet } from '../domain/scoring/criteria-set';
import { validateTieBreak } from '../domain/scoring/ranking';
import type { CriteriaSetEntity } from './criteria-set.entity';
import { CriteriaErrors } from './criteria.errors';
import {
  bodyToRows,
  domainToBody,
  parseTieBreak,
  rowsToDomain,
  toSetDto,
  toSummaryDto,
  type ItemRow,
} from './criteria.mapper';
import { CriteriaRepository } from './criteria.repository';
import { viDate } from '../domain/common/vi-date';
import type {
  CreateCriteriaSetDto,
  CriteriaSetBodyDto,
  CriteriaSetDto,
  CriteriaSetSummaryDto,
  LockCriteriaSetDto,
  UpdateCriteriaSetDto,
} from './dto/criteria.dto';

function invalid(findings: Finding[]): AppError {
  return new AppError(CriteriaErrors.INVALID, {
    message: `${CriteriaErrors.INVALID.message} ${findings[0]?.message ?? ''}`.trim(),
    details: findings.map((f) => ({
      field: f.field,
      code: f.code,
      message: f.message,
      params: f.params,
    })),
  });
}

/** Checks a set's arithmetic (R11) and tie-break keys; refuses with every finding. */
function checkBody(body: CriteriaSetBodyDto): {
  columns: ReturnType<typeof bodyToRows>['columns'];
  items: ItemRow[];
} {
  const rows = bodyToRows(body);
  const domain = rowsToDomain(rows.columns, rows.items);
  const findings = [
    ...validateCriteriaSet(domain),
    ...validateTieBreak(domain, parseTieBreak(rows.columns.tieBreak)),
  ].filter((f) => f.severity === 'error');
  if (findings.length > 0) throw invalid(findings);
  return rows;
}

/**
 * What a feature above the criteria does when a set is locked (the covenant signed), inside the
 * lock's transaction: scoring starts the term's scoring phase (`ScoringPhasesService`).
 */
export type CriteriaLockedListener = (
  em: EntityManager,
  term: BlocTermEntity,
  signedOn: string,
) => Promise<void>;

/** Criteria sets of a bloc term: drafts, covenant signing (lock), versioned revisions (R11, R12). */
@Injectable()
export class CriteriaService {
  readonly #lockedListeners: CriteriaLockedListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly sets: CriteriaRepository,
    private readonly blocs: BlocsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Called once at start-up by each feature that acts when a set is locked. */
  onLocked(listener: CriteriaLockedListener): void {
    this.#lockedListeners.push(listener);
  }

  list(blocId: number, year: number): Promise<CriteriaSetSummaryDto[]> {
    return this.db.read(async (em) => {
      const term = await this.term(em, blocId, year);
      return (await this.sets.listForTerm(em, term.id)).map(toSummaryDto);
    });
  }

  current(blocId: number, year: number): Promise<CriteriaSetDto> {
    return this.db.read(async (em) => {
      const term = await this.term(em, blocId, year);
      const set =
        (await this.sets.findByStatus(em, term.id, 'LOCKED')) ??
        (await this.sets.findByStatus(em, term.id, 'DRAFT'));
      if (!set) throw new AppError(CriteriaErrors.NONE_FOR_TERM);
      return toSetDto(set, await this.sets.items(em, set.id));
    });
  }

  get(setId: number): Promise<CriteriaSetDto> {
    return this.db.read(async (em) => {
      const set = await this.mustFind(em, setId);
      return toSetDto(set, await this.sets.items(em, set.id));
    });
  }

  create(blocId: number, year: number, dto: CreateCriteriaSetDto): Promise<CriteriaSetDto> {
    return this.db.write(async (em) => {
      const term = await this.term(em, blocId, year);
      if (term.scoringPhase === 'CLOSED') throw new AppError(CriteriaErrors.SCORING_CLOSED);
      if (await this.sets.findByStatus(em, term.id, 'DRAFT'))
        throw new AppError(CriteriaErrors.DRAFT_EXISTS);
      const locked = await this.sets.findByStatus(em, term.id, 'LOCKED');
      const reason = dto.reason?.trim() || null;
      if (locked && !reason) throw new AppError(CriteriaErrors.REASON_REQUIRED);
      const body =
        dto.copyFromYear !== undefined
          ? await this.copySource(em, blocId, dto.copyFromYear)
          : dto.definition;
      if (!body) throw new AppError(CommonErrors.VALIDATION_FAILED);
      const { columns, items } = checkBody(body);
      const saved = await this.sets.insert(
        em,
        {
          ...columns,
          termId: term.id,
          versionNo: await this.sets.nextVersionNo(em, term.id),
          status: 'DRAFT',
          reason,
          signedOn: null,
        },
        items,
      );
      const created = toSetDto(saved, await this.sets.items(em, saved.id));
      await this.audit.record(em, {
        action: 'criteria.create',
        entityType: 'criteria_set',
        entityId: saved.id,
        after: created,
        reason,
      });
      return created;
    });
  }

  update(setId: number, dto: UpdateCriteriaSetDto): Promise<CriteriaSetDto> {
    return this.db.write(async (em) => {
      const set = await this.mustFind(em, setId);
      if (set.status !== 'DRAFT') throw new AppError(CriteriaErrors.LOCKED);
      const conflict = () =>
        new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: set.version } });
      if (set.version !== dto.version) throw conflict();
      const { columns, items } = checkBody(dto.definition);
      const reason = dto.reason === undefined ? set.reason : dto.reason.trim() || null;
      if (set.versionNo > 1 && !reason) throw new AppError(CriteriaErrors.REASON_REQUIRED);
      if (
        !(await this.sets.replaceDraftIfVersion(
          em,
          setId,
          dto.version,
          { ...columns, reason },
          items,
        ))
      )
        throw conflict();
      const saved = await this.mustFind(em, setId);
      const after = toSetDto(saved, await this.sets.items(em, setId));
      await this.audit.record(em, {
        action: 'criteria.update',
        entityType: 'criteria_set',
        entityId: setId,
        before: toSummaryDto(set),
        after,
      });
      return after;
    });
  }

  /** Signs the covenant: the draft becomes the locked set, the previous locked one is kept as superseded. */
  lock(setId: number, dto: LockCriteriaSetDto): Promise<CriteriaSetDto> {
    return this.db.write(async (em) => {
      const set = await this.mustFind(em, setId);
      if (set.status !== 'DRAFT') throw new AppError(CriteriaErrors.LOCKED);
      if (set.version !== dto.version)
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: set.version },
        });
      const term = await this.blocs.findTermById(em, set.termId);
      if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
      if (term.scoringPhase === 'CLOSED') throw new AppError(CriteriaErrors.SCORING_CLOSED);
      const items = await this.sets.items(em, setId);
      checkBody(domainToBody(rowsToDomain(set, items), parseTieBreak(set.tieBreak), set.isSample));
      const previous = await this.sets.findByStatus(em, set.termId, 'LOCKED');
      if (previous) await this.sets.supersede(em, previous.id);
      if (
        !(await this.sets.setStatusIfVersion(em, setId, dto.version, 'DRAFT', {
          status: 'LOCKED',
          signedOn: dto.signedOn,
        }))
      ) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: set.version },
        });
      }
      for (const listener of this.#lockedListeners) await listener(em, term, dto.signedOn);
      const saved = await this.mustFind(em, setId);
      const after = toSetDto(saved, items);
      await this.audit.record(em, {
        action: 'criteria.lock',
        entityType: 'criteria_set',
        entityId: setId,
        before: toSummaryDto(set),
        after: toSummaryDto(saved),
        reason: `Ký kết giao ước ngày ${viDate(dto.signedOn)}`,
      });
      return after;
    });
  }

  remove(setId: number): Promise<void> {
    return this.db.write(async (em) => {
      const set = await this.mustFind(em, setId);
      if (set.status !== 'DRAFT' || !(await this.sets.deleteDraft(em, setId)))
        throw new AppError(CriteriaErrors.LOCKED);
      await this.audit.record(em, {
        action: 'criteria.delete',
        entityType: 'criteria_set',
        entityId: setId,
        before: toSummaryDto(set),
      });
    });
  }

  private async copySource(
    em: EntityManager,
    blocId: number,
    year: number,
  ): Promise<CriteriaSetBodyDto> {
    const term = await this.blocs.findTerm(em, blocId, year);
    const source = term ? await this.sets.findByStatus(em, term.id, 'LOCKED') : null;
    if (!source) throw new AppError(CriteriaErrors.COPY_SOURCE_MISSING);
    const items = await this.sets.items(em, source.id);
    return domainToBody(
      rowsToDomain(source, items),
      parseTieBreak(source.tieBreak),
      source.isSample,
    );
  }

  private async term(em: EntityManager, blocId: number, year: number): Promise<BlocTermEntity> {
    if (!(await this.blocs.findById(em, blocId))) throw new AppError(BlocErrors.NOT_FOUND);
    const term = await this.blocs.findTerm(em, blocId, year);
    if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
    return term;
  }

  private async mustFind(em: EntityManager, id: number): Promise<CriteriaSetEntity> {
    const s = await this.sets.findById(em, id);
    if (!s) throw new AppError(CriteriaErrors.NOT_FOUND);
    return s;
  }
}
