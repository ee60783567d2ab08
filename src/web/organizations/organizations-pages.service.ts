import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { AwardTiersService } from '../../award-tiers/award-tiers.service';
import { OrganizingBodiesService } from '../../registry/organizing-bodies/organizing-bodies.service';
import { holdsOnInstance } from '../core/access';
import { ticked, type FormState } from '../core/forms';

/**
 * The organizations page's model (issue 21): the organizations the account sees (the host's
 * administrator and an account bound to none: all; an organization's account: its own, filtered
 * in the repository), the form creating one, and each one's first administrator form.
 */
@Injectable()
export class OrganizationsPagesService {
  constructor(
    private readonly bodies: OrganizingBodiesService,
    private readonly tiers: AwardTiersService,
  ) {}

  async list(auth: Authenticated, forms: { create: FormState; admin: FormState }) {
    const authorities = await this.tiers.listAuthorities();
    const title = new Map(authorities.map((a) => [a.code, a.title]));
    const chosen = ticked(forms.create, 'authorityCodes', 'code') ?? new Set<string>();
    const canAdminister = holdsOnInstance(auth, 'organizations.administer');
    const organizations = (await this.bodies.list()).map((o) => ({
      ...o,
      authorities:
        o.authorityCodes.length === 0
          ? 'Mọi hình thức khen thưởng'
          : o.authorityCodes.map((c) => title.get(c) ?? c).join('; '),
    }));
    return {
      organizations,
      canCreate: holdsOnInstance(auth, 'organizations.create'),
      canAdminister,
      form: forms.create,
      adminForm: forms.admin,
      organizationOptions: organizations.map((o) => ({ value: o.id, label: o.name })),
      authorityChecks: authorities.map((a) => ({
        value: a.code,
        label: a.title,
        checked: chosen.has(a.code),
      })),
      correctionNeedsApproval: forms.create.values.correctionNeedsApproval === 'on',
    };
  }
}
