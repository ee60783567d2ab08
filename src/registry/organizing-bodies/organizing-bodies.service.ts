import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { Db } from '../../database/db.service';
import { authorityCodesOf, type OrganizingBodyData } from '../../domain/registry/organizing-body';
import type {
  CreateOrganizingBodyDto,
  OrganizingBodyDto,
  UpdateOrganizingBodyDto,
} from './dto/organizing-body.dto';
import type { OrganizingBodyEntity } from './organizing-body.entity';
import { OrganizingBodyErrors } from './organizing-body.errors';
import { OrganizingBodiesRepository } from './organizing-bodies.repository';

export function toOrganizingBodyDto(o: OrganizingBodyEntity): OrganizingBodyDto {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    headerLine: o.headerLine,
    place: o.place,
    locality: o.locality,
    addressee: o.addressee,
    office: o.office,
    authorityCodes: authorityCodesOf(o.authorityCodes),
    correctionNeedsApproval: o.correctionNeedsApproval,
    version: o.version,
  };
}

/** Organising bodies of blocs (UBND tỉnh, Ủy ban MTTQ tỉnh, a ministry…): they head bloc documents. */
@Injectable()
export class OrganizingBodiesService {
  constructor(
    private readonly db: Db,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OrganizingBodyDto[]> {
    return this.db.read(async (em) => (await this.bodies.listAll(em)).map(toOrganizingBodyDto));
  }

  /** The organising body of a bloc as the domain reads it (the provincial committee by default). */
  forBloc(bloc: {
    organizingBodyId: number | null;
    provinceId: number;
  }): Promise<OrganizingBodyData> {
    return this.db.read((em) => this.bodies.forBloc(em, bloc));
  }

  get(id: number): Promise<OrganizingBodyDto> {
    return this.db.read(async (em) => {
      const o = await this.bodies.findById(em, id);
      if (!o) throw new AppError(OrganizingBodyErrors.NOT_FOUND);
      return toOrganizingBodyDto(o);
    });
  }

  create(dto: CreateOrganizingBodyDto): Promise<OrganizingBodyDto> {
    return this.db.write(async (em) => {
      if (await this.bodies.codeExists(em, dto.code))
        throw new AppError(OrganizingBodyErrors.CODE_TAKEN);
      const created = toOrganizingBodyDto(
        await this.bodies.insert(em, {
          ...dto,
          authorityCodes: (dto.authorityCodes ?? []).join(','),
          correctionNeedsApproval: dto.correctionNeedsApproval ?? false,
        }),
      );
      await this.audit.record(em, {
        action: 'organizing-body.create',
        entityType: 'organizing_body',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, dto: UpdateOrganizingBodyDto): Promise<OrganizingBodyDto> {
    return this.db.write(async (em) => {
      const o = await this.bodies.findById(em, id);
      if (!o) throw new AppError(OrganizingBodyErrors.NOT_FOUND);
      const { version, authorityCodes, ...rest } = dto;
      const changes =
        authorityCodes === undefined ? rest : { ...rest, authorityCodes: authorityCodes.join(',') };
      if (o.version !== version || !(await this.bodies.updateIfVersion(em, id, version, changes)))
        throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: o.version } });
      const after = toOrganizingBodyDto((await this.bodies.findById(em, id)) ?? o);
      await this.audit.record(em, {
        action: 'organizing-body.update',
        entityType: 'organizing_body',
        entityId: id,
        before: toOrganizingBodyDto(o),
        after,
      });
      return after;
    });
  }
}
