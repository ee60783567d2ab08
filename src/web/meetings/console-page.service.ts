import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { FormState } from '../core/forms';
import { NOTICES, WebPageService, type WebRequest } from '../core/web-page.service';
import { renameErrors } from './meeting-forms';
import { consolePage, meetingUrl, type ConsoleForm } from './meeting-page-models';
import { MeetingsPagesService } from './meetings-pages.service';

/** One form of the meeting console (see `ConsolePageService.act`). */
export interface ConsoleAction {
  which: ConsoleForm;
  values: Record<string, string>;
  /** Maps a service field to the form's input name (by default the same). */
  rename?: (path: string) => string;
  /** Validates and calls the service; says which notice to show. */
  run: () => Promise<keyof typeof NOTICES>;
  /** The section to bring into view after success ("#phieu-bau"). */
  anchor?: string;
}

/** The meeting console page, shown by the console's and the corrections' controllers. */
@Injectable()
export class ConsolePageService {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: MeetingsPagesService,
  ) {}

  async send(
    req: WebRequest,
    res: Response,
    mid: number,
    which: ConsoleForm | null,
    form: FormState,
    status: number,
  ): Promise<void> {
    const page = consolePage(await this.models.console(req.auth!, mid), which, form);
    this.pages.send(req, res, 'meetings/console', page.title, page.model, {
      status,
      breadcrumbs: page.breadcrumbs,
    });
  }

  /**
   * Runs one console form (`WebPageService.act`): on success 303 back to the console (or the new
   * version after a correction); on a refusal the console again with the typed values and the
   * messages next to the fields of the form concerned.
   */
  act(req: WebRequest, res: Response, mid: number, a: ConsoleAction): Promise<void> {
    const rename = a.rename ?? ((p: string) => p);
    return this.pages.act(req, res, {
      values: a.values,
      run: a.run,
      then: async (notice) => {
        const target = a.which === 'correction' ? await this.models.latestVersion(mid) : mid;
        // redirect() puts the notice in the query, before the fragment that brings the section into view.
        return { to: `${meetingUrl(target)}${a.anchor ?? ''}`, notice };
      },
      again: (form, status) =>
        this.send(req, res, mid, a.which, renameErrors(form, rename), status),
    });
  }
}
