import { ApiDoc } from '../common/http/api-doc';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/http/permission.decorator';
import { AwardTiersService } from './award-tiers.service';
import { CreateDecidingAuthorityDto, DecidingAuthorityDto } from './dto/award-tier.dto';

@ApiTags('Người có thẩm quyền quyết định khen thưởng')
@Controller('deciding-authorities')
export class DecidingAuthoritiesController {
  constructor(private readonly tiers: AwardTiersService) {}

  @Permission('registry.read')
  @ApiDoc('Danh sách cấp có thẩm quyền quyết định khen thưởng')
  @Get()
  @ApiOkResponse({ type: [DecidingAuthorityDto] })
  list() {
    return this.tiers.listAuthorities();
  }

  @Permission('reference.write')
  @ApiDoc('Thêm cấp có thẩm quyền quyết định khen thưởng')
  @Post()
  @ApiCreatedResponse({ type: DecidingAuthorityDto })
  create(@Body() dto: CreateDecidingAuthorityDto) {
    return this.tiers.createAuthority(dto);
  }
}
