import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateOrganizationAdministratorDto } from '../../auth/dto/auth.dto';
import { UsersService } from '../../auth/users.service';
import { Permission } from '../../common/http/permission.decorator';
import { CreateOrganizingBodyDto } from '../../registry/organizing-bodies/dto/organizing-body.dto';
import { OrganizingBodiesService } from '../../registry/organizing-bodies/organizing-bodies.service';
import { placeUserError, withoutPassword } from '../accounts/account-forms';
import { emptyForm, submitted, validateForm, type FormState } from '../core/forms';
import { WebPageService, type WebRequest } from '../core/web-page.service';
import {
  administratorPlain,
  chosenOrganization,
  createOrganizationPlain,
} from './organization-forms';
import { OrganizationsPagesService } from './organizations-pages.service';

/**
 * Organizations (issue 21): the host's administrator (or the office of a single-office deployment)
 * lists them, creates one and its first administrator; an organization's account sees its own.
 */
@ApiExcludeController()
@Controller('web')
export class WebOrganizationsController {
  constructor(
    private readonly pages: WebPageService,
    private readonly models: OrganizationsPagesService,
    private readonly bodies: OrganizingBodiesService,
    private readonly users: UsersService,
  ) {}

  @Get('organizations')
  @Permission('organizations.read')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    await this.render(req, res, { create: emptyForm(), admin: emptyForm() }, 200);
  }

  @Post('organizations')
  @Permission('organizations.create')
  async create(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      run: async () =>
        this.bodies.create(
          await validateForm(CreateOrganizingBodyDto, createOrganizationPlain(values)),
        ),
      then: (o) => ({ to: `/web/organizations#o-${o.id}`, notice: 'created' }),
      again: (form, status) => this.render(req, res, { create: form, admin: emptyForm() }, status),
    });
  }

  /**
   * An organization's first administrator. The grant is the instance's (the host's administrator,
   * or an administrator bound to no organization), so the organization is chosen in the form.
   */
  @Post('organizations/administrators')
  @Permission('organizations.administer')
  async createAdministrator(@Req() req: WebRequest, @Res() res: Response, @Body() body: unknown) {
    const values = submitted(body);
    await this.pages.act(req, res, {
      values,
      keep: withoutPassword(values),
      run: async () => {
        const dto = await validateForm(
          CreateOrganizationAdministratorDto,
          administratorPlain(values),
        );
        const organizationId = chosenOrganization(values);
        // the organization must exist (404 otherwise), as the API's route answers
        await this.bodies.get(organizationId);
        return this.users.create({ ...dto, role: 'OFFICE_ADMIN', organizationId });
      },
      then: (u) => ({ to: `/web/organizations#o-${u.organizationId ?? ''}`, notice: 'created' }),
      place: (e) => placeUserError(e, 'OFFICE_ADMIN'),
      again: (form, status) => this.render(req, res, { create: emptyForm(), admin: form }, status),
    });
  }

  private async render(
    req: WebRequest,
    res: Response,
    forms: { create: FormState; admin: FormState },
    status: number,
  ) {
    const model = await this.models.list(req.auth!, forms);
    this.pages.send(req, res, 'organizations/list', 'Tổ chức', model, { status });
  }
}
