import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditQueryDto } from '../../audit/audit.controller';
import { AuditService } from '../../audit/audit.service';
import { Permission } from '../../common/http/permission.decorator';
import { UsersService } from '../../auth/users.service';
import { AppError } from '../../common/errors/app-error';
import { ROLE_LABELS, type Role } from '../../domain/auth/permissions';
import { auditChanges } from '../core/audit-changes';
import { emptyForm, field, formFromError, submitted, validateForm } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import { auditActionLabel, auditEntityLabel } from './nominations-view';

const PAGE_SIZE = 50;

/** The audit log: filters by date, user and record, pages of 50, the chain check, the CSV export. */
@ApiExcludeController()
@Controller('web')
export class WebAuditController {
  constructor(
    private readonly pages: WebPageService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  @Get('audit')
  @Permission('audit.read')
  async list(@Req() req: WebRequest, @Res() res: Response, @Query() query: unknown) {
    const values = submitted(query);
    for (const k of Object.keys(values))
      if (!['from', 'to', 'username', 'entityType', 'entityId', 'page'].includes(k))
        delete values[k];
    let form = emptyForm(values);
    let filter: AuditQueryDto | null = null;
    try {
      filter = await validateForm(AuditQueryDto, {
        from: field.date(values.from),
        to: field.date(values.to),
        username: field.text(values.username),
        entityType: field.text(values.entityType),
        entityId: field.text(values.entityId),
        page: field.int(values.page),
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      form = formFromError(e, values);
    }
    const page = filter?.page ?? 1;
    const result = filter
      ? await this.audit.list({ ...filter, page, pageSize: PAGE_SIZE })
      : { items: [], total: 0 };
    // Checking the chain reads and hashes the whole log: only when asked for, not on every page.
    const verify =
      (query as Record<string, unknown> | null)?.kiemtra === '1' ? await this.audit.verify() : null;
    const params = new URLSearchParams();
    for (const k of ['from', 'to', 'username', 'entityType', 'entityId'] as const) {
      const v = filter?.[k];
      if (v) params.set(k, String(v));
    }
    const qs = params.toString();
    const pageUrl = (p: number) => {
      const q = new URLSearchParams(params);
      q.set('page', String(p));
      return `/web/audit?${q.toString()}`;
    };
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const names = new Map((await this.users.list()).map((u) => [u.username, u.displayName]));
    const model = {
      form,
      verify,
      total: result.total,
      page,
      pages,
      prev: page > 1 ? pageUrl(page - 1) : null,
      next: page < pages ? pageUrl(page + 1) : null,
      csvUrl: `/api/audit/export.csv${qs ? `?${qs}` : ''}`,
      rows: result.items.map((r) => ({
        id: r.id,
        at: r.at,
        actor: actorName(r.username, r.role, names),
        action: r.action,
        actionLabel: auditActionLabel(r.action),
        entityType: r.entityType,
        entityLabel: auditEntityLabel(r.entityType),
        entityId: r.entityId,
        reason: r.reason,
        ...auditChanges(r.before, r.after),
      })),
    };
    this.pages.send(req, res, 'nominations/audit', 'Nhật ký thay đổi', model, {
      status: form.message ? 400 : 200,
    });
  }
}

/** Who did it, as a person reads it: the account's name and role, or the system (seed, command line). */
function actorName(username: string | null, role: string | null, names: Map<string, string>) {
  if (!username || role === 'SYSTEM') return 'Hệ thống (dữ liệu mẫu, lệnh quản trị)';
  const roleLabel = ROLE_LABELS[role as Role];
  const name = names.get(username) ?? username;
  return roleLabel ? `${name} (${roleLabel})` : name;
}
