import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import { Db } from '../database/db.service';
import type { ScopeParams } from '../common/http/permission.decorator';
import type { ResourceScope } from '../domain/auth/permissions';
import { AuthRepository } from './auth.repository';

const int = (v: unknown): number | null =>
  typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null;

/** How many links an instance keeps before it starts afresh (a bound on memory, not a policy). */
const KEPT_LINKS_MAX = 200_000;

/**
 * Places a request in the province's structure from the path parameters its route declares with
 * its permission (`ScopeParams`): the bloc(s) and the unit it touches. Returns null when a referenced
 * record does not exist (a scoped user is then refused).
 *
 * The links it follows upwards never change once written: a meeting's term, a term's bloc, a
 * ballot's or a document's meeting, a criteria set's term, a nomination's term and unit, an
 * evidence's unit, an account's organization, a tier's organization (fixed at its creation), a
 * unit's registering organization, and a bloc's organization once it has one
 * (`mayMoveToOrganization`); ids are never reused (AUTOINCREMENT, SERIAL). So each instance keeps the links it has read, and a request on a record seen before is
 * placed without reading the database (issue 21: the organization fence would otherwise add reads
 * to every request of an organization's account). What can change is read each time: the blocs a
 * unit sits in, and a bloc still bound to no organization. A missing record is never kept.
 */
@Injectable()
export class ScopeResolver {
  private readonly links = new Map<string, unknown>();

  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
  ) {}

  /** A kept link, or read (and kept unless `keep` says the value may still change). */
  private async link<T>(
    key: string,
    read: (em: EntityManager) => Promise<T>,
    keep: (v: T) => boolean = (v) => v !== null && v !== undefined,
  ): Promise<T> {
    if (this.links.has(key)) return this.links.get(key) as T;
    const v = await this.db.read(read);
    if (keep(v)) {
      if (this.links.size >= KEPT_LINKS_MAX) this.links.clear();
      this.links.set(key, v);
    }
    return v;
  }

  /** An account's or a tier's organization (fixed once the record exists), kept once read. */
  private organizationOf(kind: 'account' | 'tier', id: number): Promise<number | null | undefined> {
    return this.link(
      `${kind}:${id}`,
      (em) => this.auth.organizationOf(em, kind, id),
      (v) => v !== undefined,
    );
  }

  /** The organization of each bloc: kept ones from memory, the others in one read. */
  private async blocOrganizations(ids: readonly number[]): Promise<Map<number, number | null>> {
    const out = new Map<number, number | null>();
    const missing = ids.filter((b) => {
      const k = `bloc-organization:${b}`;
      if (this.links.has(k)) out.set(b, this.links.get(k) as number);
      return !this.links.has(k);
    });
    if (missing.length === 0) return out;
    const read = await this.db.read((em) => this.auth.blocOrganizations(em, missing));
    for (const [b, org] of read) {
      out.set(b, org);
      if (org !== null) this.links.set(`bloc-organization:${b}`, org);
    }
    return out;
  }

  /**
   * `params` is the route's declaration (`@Permission(action, params)`). `organizations`: also find
   * the organization of every bloc, of the unit's blocs and of a named account, for the fence of an
   * account bound to an organization (issue 21); skipped for the others.
   */
  async resolve(
    req: Request,
    params: ScopeParams,
    organizations = false,
  ): Promise<ResourceScope | null> {
    const given = req.params as Record<string, string | undefined>;
    // A declared parameter the route does not have: refuse rather than read the request unscoped.
    if (Object.values(params).some((name) => given[name as string] === undefined)) return null;
    const p = (kind: keyof ScopeParams): string | undefined => {
      const name = params[kind];
      return name === undefined ? undefined : given[name];
    };
    const idOf = (kind: keyof ScopeParams) => int(p(kind)) ?? 0;
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
    if (params.criteriaSet !== undefined) {
      const id = idOf('criteriaSet');
      termId = await this.link(`criteria-set:${id}`, (em) => this.auth.termOfCriteriaSet(em, id));
    }
    let meetingId: number | null = params.meeting !== undefined ? int(p('meeting')) : null;
    if (params.document !== undefined) {
      const id = idOf('document');
      meetingId = await this.link(`document:${id}`, (em) => this.auth.meetingOfDocument(em, id));
    }
    if (params.ballot !== undefined) {
      const id = idOf('ballot');
      meetingId = await this.link(`ballot:${id}`, (em) => this.auth.meetingOfBallot(em, id));
    }
    if (meetingId !== null) {
      const id = meetingId;
      termId = await this.link(`meeting:${id}`, (em) => this.auth.termOfMeeting(em, id));
    }
    if (params.nomination !== undefined) {
      const id = idOf('nomination');
      const n = await this.link(`nomination:${id}`, (em) => this.auth.nominationScope(em, id));
      if (!n) return null;
      termId = n.termId;
      unitId = n.unitId;
    }
    if (params.evidence !== undefined) {
      const id = idOf('evidence');
      unitId = await this.link(`evidence:${id}`, (em) => this.auth.evidenceUnit(em, id));
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
      const id = termId;
      const bloc = await this.link(`term:${id}`, (em) => this.auth.blocOfTerm(em, id));
      if (bloc === null) return null;
      blocIds.add(bloc);
    }
    // A unit reached without a bloc (its own page): the blocs it belongs to, for bloc secretaries.
    const unit = unitId;
    const unitBlocIds =
      unit !== null && blocIds.size === 0
        ? await this.db.read((em) => this.auth.blocsOfUnit(em, unit))
        : undefined;
    const scope: ResourceScope = { blocIds: [...blocIds], unitId, unitBlocIds };
    if (!organizations) return scope;
    if (params.organization !== undefined) {
      const id = int(p('organization'));
      if (id === null) return null;
      scope.organizationId = id;
    }
    if (params.account !== undefined) {
      const org = await this.organizationOf('account', idOf('account'));
      if (org === undefined) return null;
      scope.organizationId = org;
    }
    if (params.tier !== undefined) {
      const org = await this.organizationOf('tier', idOf('tier'));
      if (org === undefined) return null;
      if (org === null) scope.shared = true;
      else scope.organizationId = org;
    }
    const orgs = await this.blocOrganizations([...blocIds, ...(unitBlocIds ?? [])]);
    // an unknown bloc has no organization: the fence refuses it (no id of another is confirmed)
    scope.blocOrganizationIds = [...blocIds].flatMap((b) => (orgs.has(b) ? [orgs.get(b)!] : []));
    if (unitBlocIds && unit !== null) {
      scope.unitOrganizationIds = unitBlocIds.map((b) => orgs.get(b) ?? null);
      scope.unitRegisteredBy = await this.link(`unit-registered-by:${unit}`, (em) =>
        this.auth.unitRegisteredBy(em, unit),
      );
    }
    return scope;
  }
}
