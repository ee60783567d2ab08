import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Db } from '../database/db.service';
import type { ScopeParams } from '../common/http/permission.decorator';
import type { ResourceScope } from '../domain/auth/permissions';
import { AuthRepository } from './auth.repository';

const int = (v: unknown): number | null =>
  typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null;

/**
 * Places a request in the province's structure from the path parameters its route declares with
 * its permission (`ScopeParams`): the bloc(s) and the unit it touches. Returns null when a referenced
 * record does not exist (a scoped user is then refused).
 */
@Injectable()
export class ScopeResolver {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
  ) {}

  /**
   * `params` is the route's declaration (`@Permission(action, params)`). `organizations`: also find
   * the organization of every bloc, of the unit's blocs and of a named account, for the fence of an
   * account bound to an organization (issue 21); one or two more reads, skipped for the others.
   */
  resolve(req: Request, params: ScopeParams, organizations = false): Promise<ResourceScope | null> {
    const given = req.params as Record<string, string | undefined>;
    // A declared parameter the route does not have: refuse rather than read the request unscoped.
    if (Object.values(params).some((name) => given[name as string] === undefined))
      return Promise.resolve(null);
    const p = (kind: keyof ScopeParams): string | undefined => {
      const name = params[kind];
      return name === undefined ? undefined : given[name];
    };
    return this.db.read(async (em) => {
      const blocIds = new Set<number>();
      let unitId: number | null = null;
      if (params.bloc !== undefined) {
        const id = int(p('bloc'));
        if (id === null) return null;
        blocIds.add(id);
      }
      if (params.unit !== undefined) {
        unitId = int(p('unit'));
        if (unitId === null) return null;
      }
      let termId: number | null = null;
      if (params.criteriaSet !== undefined)
        termId = await this.auth.termOfCriteriaSet(em, int(p('criteriaSet')) ?? 0);
      let meetingId: number | null = params.meeting !== undefined ? int(p('meeting')) : null;
      if (params.document !== undefined)
        meetingId = await this.auth.meetingOfDocument(em, int(p('document')) ?? 0);
      if (params.ballot !== undefined)
        meetingId = await this.auth.meetingOfBallot(em, int(p('ballot')) ?? 0);
      if (meetingId !== null) termId = await this.auth.termOfMeeting(em, meetingId);
      if (params.nomination !== undefined) {
        const n = await this.auth.nominationScope(em, int(p('nomination')) ?? 0);
        if (!n) return null;
        termId = n.termId;
        unitId = n.unitId;
      }
      if (params.evidence !== undefined) {
        unitId = await this.auth.evidenceUnit(em, int(p('evidence')) ?? 0);
        if (unitId === null) return null;
      }
      if (
        (params.criteriaSet !== undefined ||
          params.meeting !== undefined ||
          params.document !== undefined ||
          params.ballot !== undefined ||
          params.nomination !== undefined) &&
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
      const scope: ResourceScope = { blocIds: [...blocIds], unitId, unitBlocIds };
      if (!organizations) return scope;
      if (params.organization !== undefined) {
        const id = int(p('organization'));
        if (id === null) return null;
        scope.organizationId = id;
      }
      if (params.account !== undefined) {
        const org = await this.auth.accountOrganization(em, int(p('account')) ?? 0);
        if (org === undefined) return null;
        scope.organizationId = org;
      }
      const orgs = await this.auth.blocOrganizations(em, [...blocIds, ...(unitBlocIds ?? [])]);
      // an unknown bloc has no organization: the fence refuses it (no id of another is confirmed)
      scope.blocOrganizationIds = [...blocIds].flatMap((b) => (orgs.has(b) ? [orgs.get(b)!] : []));
      if (unitBlocIds) {
        scope.unitOrganizationIds = unitBlocIds.map((b) => orgs.get(b) ?? null);
        scope.unitRegisteredBy = await this.auth.unitRegisteredBy(em, unitId!);
      }
      return scope;
    });
  }
}
