import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Db } from '../database/db.service';
import type { ResourceScope } from '../domain/auth/permissions';
import { AuthRepository } from './auth.repository';

const int = (v: unknown): number | null =>
  typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null;

/**
 * Places a request in the province's structure from its path parameters: the bloc(s) and the unit
 * it touches. Returns null when a referenced record does not exist (a scoped user is then refused).
 */
@Injectable()
export class ScopeResolver {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
  ) {}

  resolve(req: Request): Promise<ResourceScope | null> {
    const p = req.params as Record<string, string | undefined>;
    const route = String((req.route as { path?: string } | undefined)?.path ?? '');
    return this.db.read(async (em) => {
      const blocIds = new Set<number>();
      let unitId: number | null = null;
      if (route.includes('/blocs/:id')) {
        const id = int(p.id);
        if (id === null) return null;
        blocIds.add(id);
      }
      if (p.unitId !== undefined) {
        unitId = int(p.unitId);
        if (unitId === null) return null;
      }
      let termId: number | null = null;
      if (p.setId !== undefined) termId = await this.auth.termOfCriteriaSet(em, int(p.setId) ?? 0);
      let meetingId: number | null = p.mid !== undefined ? int(p.mid) : null;
      if (p.did !== undefined) meetingId = await this.auth.meetingOfDocument(em, int(p.did) ?? 0);
      if (p.bid !== undefined) meetingId = await this.auth.meetingOfBallot(em, int(p.bid) ?? 0);
      if (meetingId !== null) termId = await this.auth.termOfMeeting(em, meetingId);
      if (p.nid !== undefined) {
        const n = await this.auth.nominationScope(em, int(p.nid) ?? 0);
        if (!n) return null;
        termId = n.termId;
        unitId = n.unitId;
      }
      if (p.evidenceId !== undefined) {
        unitId = await this.auth.evidenceUnit(em, int(p.evidenceId) ?? 0);
        if (unitId === null) return null;
      }
      if (
        (p.setId !== undefined ||
          p.mid !== undefined ||
          p.bid !== undefined ||
          p.nid !== undefined) &&
        termId === null
      )
        return null;
      if (termId !== null) {
        const bloc = await this.auth.blocOfTerm(em, termId);
        if (bloc === null) return null;
        blocIds.add(bloc);
      }
      // A unit reached without a bloc (its own page): the blocs it belongs to, for bloc secretaries.
      const unitBlocIds =
        unitId !== null && blocIds.size === 0 ? await this.auth.blocsOfUnit(em, unitId) : undefined;
      return { blocIds: [...blocIds], unitId, unitBlocIds };
    });
  }
}
