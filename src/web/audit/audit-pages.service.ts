import { Injectable } from '@nestjs/common';
import { AuditQueryDto } from '../../audit/audit.controller';
import { AuditService } from '../../audit/audit.service';
import { UsersService } from '../../auth/users.service';
import { AppError } from '../../common/errors/app-error';
import { ROLE_LABELS, type Role } from '../../domain/auth/permissions';
import { auditChanges } from '../core/audit-changes';
import { auditActionLabel, auditEntityLabel } from '../core/audit-labels';
import { emptyForm, field, formFromError, submitted, validateForm } from '../core/forms';

const PAGE_SIZE = 50;
const FILTERS = ['from', 'to', 'username', 'entityType', 'entityId'] as const;

/** The audit log's page model: the filters as typed, a page of 50 rows, the chain check if asked. */
@Injectable()
export class AuditPagesService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async log(query: unknown) {
    const values = submitted(query);
    for (const k of Object.keys(values)) if (![...FILTERS, 'page'].includes(k)) delete values[k];
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
    for (const k of FILTERS) {
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
    return {
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
  }
}

/** Who did it, as a person reads it: the account's name and role, or the system (seed, command line). */
function actorName(username: string | null, role: string | null, names: Map<string, string>) {
  if (!username || role === 'SYSTEM') return 'Hệ thống (dữ liệu mẫu, lệnh quản trị)';
  const roleLabel = ROLE_LABELS[role as Role];
  const name = names.get(username) ?? username;
  return roleLabel ? `${name} (${roleLabel})` : name;
}
