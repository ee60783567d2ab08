import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateIfVersion } from '../../database/optimistic';
import {
  authorityCodesOf,
  provincialCommitteeOf,
  type OrganizingBodyData,
} from '../../domain/registry/organizing-body';
import { ProvincesRepository } from '../provinces/provinces.repository';
import { OrganizingBodyEntity } from './organizing-body.entity';
import { ownRowsOnly } from '../../database/tenant';

/** A row as the domain reads it (the one place the stored list of authorities is decoded). */
export function toOrganizingBodyData(o: OrganizingBodyEntity): OrganizingBodyData {
  return {
    name: o.name,
    headerLine: o.headerLine,
    place: o.place,
    locality: o.locality,
    addressee: o.addressee,
    office: o.office,
    authorityCodes: authorityCodesOf(o.authorityCodes),
  };
}

/** All database access for organising bodies. */
@Injectable()
export class OrganizingBodiesRepository {
  constructor(private readonly provinces: ProvincesRepository) {}

  /** The organizing bodies the current request sees: its own organization, or every one. */
  listAll(em: EntityManager): Promise<OrganizingBodyEntity[]> {
    return ownRowsOnly(em.getRepository(OrganizingBodyEntity).createQueryBuilder('o'), 'o.id')
      .orderBy('o.code', 'ASC')
      .getMany();
  }

  findById(em: EntityManager, id: number): Promise<OrganizingBodyEntity | null> {
    return em.getRepository(OrganizingBodyEntity).findOneBy({ id });
  }

  /** The organising body of a bloc: its recorded one, else the provincial People's Committee. */
  async forBloc(
    em: EntityManager,
    bloc: { organizingBodyId: number | null; provinceId: number },
  ): Promise<OrganizingBodyData> {
    const recorded =
      bloc.organizingBodyId === null ? null : await this.findById(em, bloc.organizingBodyId);
    if (recorded) return toOrganizingBodyData(recorded);
    const p = await this.provinces.findById(em, bloc.provinceId);
    return provincialCommitteeOf({ name: p?.name ?? '', fullName: p?.fullName ?? 'tỉnh' });
  }

  /** Whether a correction of the bloc's finalized meeting waits for an administrator (default: no). */
  async correctionNeedsApproval(
    em: EntityManager,
    bloc: { organizingBodyId: number | null },
  ): Promise<boolean> {
    if (bloc.organizingBodyId === null) return false;
    return (await this.findById(em, bloc.organizingBodyId))?.correctionNeedsApproval ?? false;
  }

  async exists(em: EntityManager, id: number): Promise<boolean> {
    return (await em.getRepository(OrganizingBodyEntity).countBy({ id })) > 0;
  }

  async codeExists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.getRepository(OrganizingBodyEntity).countBy({ code })) > 0;
  }

  insert(
    em: EntityManager,
    values: Omit<OrganizingBodyEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
  ) {
    const repo = em.getRepository(OrganizingBodyEntity);
    return repo.save(repo.create(values));
  }

  updateIfVersion(
    em: EntityManager,
    id: number,
    version: number,
    values: Partial<OrganizingBodyEntity>,
  ): Promise<boolean> {
    return updateIfVersion(em, OrganizingBodyEntity, id, version, values);
  }
}
