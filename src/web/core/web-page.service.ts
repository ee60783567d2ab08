import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Authenticated } from '../../auth/auth.service';
import { AppError } from '../../common/errors/app-error';
import { PERMISSIONS, ROLE_LABELS, type Action } from '../../domain/auth/permissions';
import { holdsEverywhere } from './access';
import { formFromError, statusOfError, type FormState } from './forms';
import { WebViews, type LayoutModel } from './views';

export type WebRequest = Request & { auth?: Authenticated };

/** The main menu; an entry shows only to roles that hold its action. */
const NAV: readonly {
  href: string;
  label: string;
  action: Action;
  match: RegExp;
  /** Shown only to roles holding the action everywhere (the page covers every bloc). */
  wide?: boolean;
}[] = [
  { href: '/web', label: 'Tổng quan năm', action: 'auth.self', match: /^\/web\/?$/ },
  { href: '/web/units', label: 'Đơn vị', action: 'registry.read', match: /^\/web\/units/ },
  {
    href: '/web/blocs',
    label: 'Khối, cụm thi đua',
    action: 'registry.read',
    match: /^\/web\/(blocs(?!\/\d+\/terms\/\d+\/nominations)|meetings|ballots|documents)/,
  },
  {
    href: '/web/nominations',
    label: 'Đề nghị khen thưởng',
    action: 'term.read',
    match: /^\/web\/(nominations|blocs\/\d+\/terms\/\d+\/nominations)/,
    wide: true,
  },
  {
    href: '/web/province',
    label: 'Cấp tỉnh',
    action: 'province.manage',
    match: /^\/web\/province/,
  },
  {
    href: '/web/onboarding',
    label: 'Nhập dữ liệu tỉnh',
    action: 'registry.write',
    match: /^\/web\/onboarding/,
  },
  { href: '/web/audit', label: 'Nhật ký', action: 'audit.read', match: /^\/web\/audit/ },
  { href: '/web/users', label: 'Tài khoản', action: 'users.manage', match: /^\/web\/users/ },
  {
    href: '/web/organizations',
    label: 'Tổ chức',
    action: 'organizations.create',
    match: /^\/web\/organizations/,
  },
];

/** Short notices a redirect may ask for (`?tb=<key>`): fixed texts, so no user text is reflected. */
export const NOTICES: Readonly<Record<string, string>> = {
  saved: 'Đã lưu.',
  created: 'Đã tạo.',
  deleted: 'Đã xoá.',
  imported: 'Đã nhập dữ liệu.',
  entered: 'Đã ghi số phiếu.',
  opened: 'Đã mở cuộc họp.',
  meetingOpened: 'Đã lưu điểm danh và khai mạc hội nghị; có thể mở phiếu bầu.',
  ballotOpened: 'Đã mở phiếu bầu; thư ký nhập kết quả kiểm phiếu.',
  ballotsOpened: 'Đã mở phiếu bầu của mọi hình thức khen thưởng; thư ký nhập kết quả kiểm phiếu.',
  finalizedNextTermKhoi:
    'Đã chốt kết quả hội nghị và lập danh sách khối năm sau, với trưởng khối, phó khối do hội nghị quyết định. Bảng điều khiển vẫn ở năm đang làm.',
  finalizedNextTermCum:
    'Đã chốt kết quả hội nghị và lập danh sách cụm năm sau, với trưởng cụm, phó cụm do hội nghị quyết định. Bảng điều khiển vẫn ở năm đang làm.',
  finalizedOfficersKhoi:
    'Đã chốt kết quả hội nghị và ghi trưởng khối, phó khối do hội nghị quyết định vào danh sách khối năm sau đã có.',
  finalizedOfficersCum:
    'Đã chốt kết quả hội nghị và ghi trưởng cụm, phó cụm do hội nghị quyết định vào danh sách cụm năm sau đã có.',
  finalized: 'Đã chốt kết quả cuộc họp.',
  corrected: 'Đã ghi bản đính chính.',
  correctionRequested:
    'Đã gửi đề nghị đính chính; biên bản đã chốt giữ nguyên cho đến khi một quản trị viên khác duyệt.',
  correctionApproved: 'Đã duyệt đề nghị đính chính: phiên bản đính chính đã mở để sửa.',
  correctionRejected: 'Đã từ chối đề nghị đính chính; biên bản đã chốt giữ nguyên.',
  issued: 'Đã phát hành văn bản.',
  signed: 'Đã ký số văn bản. Bản PDF tải về từ nay là bản đã ký.',
  loggedOut: 'Đã đăng xuất.',
  locked: 'Đã ký giao ước: bộ tiêu chí đã khoá.',
  advanced: 'Đã chuyển giai đoạn chấm điểm.',
};

/** Where a successful submission goes, with the fixed notice shown there. */
export interface Redirect {
  to: string;
  notice?: keyof typeof NOTICES;
}

/**
 * One form submission (see `WebPageService.act`): every web form goes validate → call → redirect,
 * or back to its page with the messages.
 */
export interface FormAction<T> {
  /** The submitted fields (`submitted(body)`). */
  values: Record<string, string>;
  /**
   * Validates with the API's DTO (`validateForm`, whose refusal is the Vietnamese banner and the
   * messages next to the fields) and calls the service; a refusal is a coded `AppError`.
   */
  run: () => Promise<T>;
  /** Where to go after success (303, Post/Redirect/Get). */
  then: (result: T) => Redirect | Promise<Redirect>;
  /**
   * The form's page again: the values typed, each message next to its field, the error's status;
   * `error` is the refusal as the service threw it (before `place`), for its warnings or code.
   */
  again: (form: FormState, status: number, error: AppError) => Promise<void> | void;
  /** The values sent back into the page, when not all of them (a password never is). */
  keep?: Record<string, string>;
  /** Places a refusal before it is shown (an error code next to the field it concerns). */
  place?: (error: unknown) => unknown;
}

/** Page rendering shared by every web controller: the layout's model from the signed-in user. */
@Injectable()
export class WebPageService {
  constructor(private readonly views: WebViews) {}

  layout(
    req: WebRequest,
    title: string,
    breadcrumbs: LayoutModel['breadcrumbs'] = [],
  ): LayoutModel {
    const auth = req.auth;
    const role = auth?.user.role;
    const path = req.path;
    const nav = role
      ? NAV.filter((n) =>
          n.wide ? holdsEverywhere(auth, n.action) : PERMISSIONS[n.action][role] !== undefined,
        ).map((n) => ({
          href: n.href,
          label: n.label,
          current: n.match.test(path),
        }))
      : [];
    const tb = typeof req.query.tb === 'string' ? req.query.tb : '';
    return {
      title,
      user: auth
        ? {
            displayName: auth.user.displayName,
            username: auth.user.username,
            roleLabel: ROLE_LABELS[auth.user.role],
          }
        : null,
      csrfToken: auth?.session.kind === 'COOKIE' ? (auth.session.csrfToken ?? '') : '',
      nav,
      notice: NOTICES[tb] ?? null,
      breadcrumbs,
    };
  }

  /** Renders a page; `status` for a form sent back with its errors. */
  send(
    req: WebRequest,
    res: Response,
    page: string,
    title: string,
    model: object,
    options: { status?: number; breadcrumbs?: LayoutModel['breadcrumbs'] } = {},
  ): void {
    const html = this.views.render(page, model, this.layout(req, title, options.breadcrumbs));
    res
      .status(options.status ?? 200)
      .type('html')
      .setHeader('Cache-Control', 'no-store');
    res.send(html);
  }

  /**
   * After a failed submission: the same page again with the typed values and each message next to
   * its field, with the error's status (400, 404, 409, 422). Other failures go to the error page.
   */
  sendFormError(
    req: WebRequest,
    res: Response,
    error: unknown,
    values: Record<string, string>,
    render: (form: FormState, status: number) => Promise<void> | void,
  ): Promise<void> | void {
    if (!(error instanceof AppError)) throw error;
    if (error.kind === 'UNAUTHENTICATED' || error.kind === 'FORBIDDEN') throw error;
    return render(formFromError(error, values), statusOfError(error));
  }

  /**
   * Runs one form submission: `run` (validation, then the service), then 303 to `then`'s page
   * with its notice; a coded refusal shows the form's page again (`again`) with the error's
   * Vietnamese message and status (400, 404, 409, 422); any other failure goes to the error page.
   */
  async act<T>(req: WebRequest, res: Response, action: FormAction<T>): Promise<void> {
    try {
      const done = await action.then(await action.run());
      this.redirect(res, done.to, done.notice);
    } catch (e) {
      const error = action.place ? action.place(e) : e;
      await this.sendFormError(req, res, error, action.keep ?? action.values, (form, status) =>
        action.again(form, status, (e instanceof AppError ? e : error) as AppError),
      );
    }
  }

  /** 303 to a page of ours (Post/Redirect/Get), with an optional fixed notice. */
  redirect(res: Response, to: string, notice?: keyof typeof NOTICES): void {
    if (!to.startsWith('/web')) to = '/web';
    if (!notice) return res.redirect(303, to);
    const hash = to.indexOf('#');
    const [base, fragment] = hash >= 0 ? [to.slice(0, hash), to.slice(hash)] : [to, ''];
    res.redirect(303, `${base}${base.includes('?') ? '&' : '?'}tb=${notice}${fragment}`);
  }

  /** The error page (used by the exception filter for /web requests). */
  errorPage(
    req: WebRequest,
    e: { status: number; code: string; message: string; requestId: string },
  ): string {
    const title =
      e.status === 404
        ? 'Không tìm thấy'
        : e.status === 403
          ? 'Không có quyền truy cập'
          : e.status >= 500
            ? 'Lỗi hệ thống'
            : 'Không thực hiện được';
    return this.views.render('error', { error: e }, this.layout(req, title));
  }
}
