import { ApiDoc } from '../common/http/api-doc';
import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { Permission } from '../common/http/permission.decorator';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/http/id-param.pipe';
import { AwardTiersService } from './award-tiers.service';
import {
  AwardTierDetailDto,
  AwardTierDto,
  CreateAwardTierDto,
  ResolveRulesQueryDto,
  ResolvedTierRuleDto,
  TierRuleBodyDto,
  TierRuleDto,
  UpdateAwardTierDto,
  UpdateTierRuleDto,
} from './dto/award-tier.dto';

@ApiTags('Hình thức khen thưởng (award tiers)')
@Controller('award-tiers')
export class AwardTiersController {
  constructor(private readonly tiers: AwardTiersService) {}

  @Permission('registry.read')
  @ApiDoc('Danh sách hình thức khen thưởng')
  @Get()
  @ApiOkResponse({ type: [AwardTierDto] })
  list() {
    return this.tiers.list();
  }

  @Permission('registry.read')
  @ApiDoc('Quy định áp dụng của các hình thức khen thưởng vào một ngày')
  @Get('resolved-rules')
  @ApiOkResponse({ type: [ResolvedTierRuleDto] })
  resolve(@Query() q: ResolveRulesQueryDto) {
    return this.tiers.resolveForYear(q.year, q.on);
  }

  @Permission('registry.read', { tier: 'id' })
  @ApiDoc('Một hình thức khen thưởng')
  @Get(':id')
  @ApiOkResponse({ type: AwardTierDetailDto })
  get(@Param('id', IdPipe) id: number) {
    return this.tiers.get(id);
  }

  @Permission('tiers.write')
  @ApiDoc('Thêm hình thức khen thưởng (tài khoản thuộc một tổ chức: hình thức riêng của tổ chức)')
  @Post()
  @ApiCreatedResponse({ type: AwardTierDto })
  create(@Body() dto: CreateAwardTierDto) {
    return this.tiers.create(dto);
  }

  @Permission('tiers.write', { tier: 'id' })
  @ApiDoc('Sửa hình thức khen thưởng')
  @Patch(':id')
  @ApiOkResponse({ type: AwardTierDto })
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateAwardTierDto) {
    return this.tiers.update(id, dto);
  }

  @Permission('registry.read', { tier: 'id' })
  @ApiDoc('Các quy định theo thời kỳ của một hình thức khen thưởng')
  @Get(':id/rules')
  @ApiOkResponse({ type: [TierRuleDto] })
  listRules(@Param('id', IdPipe) id: number) {
    return this.tiers.listRules(id);
  }

  @Permission('tiers.write', { tier: 'id' })
  @ApiDoc('Thêm quy định theo thời kỳ (căn cứ pháp lý, chỉ tiêu, tỷ lệ biểu quyết)')
  @Post(':id/rules')
  @ApiCreatedResponse({ type: TierRuleDto })
  createRule(@Param('id', IdPipe) id: number, @Body() dto: TierRuleBodyDto) {
    return this.tiers.createRule(id, dto);
  }

  @Permission('tiers.write', { tier: 'id' })
  @ApiDoc('Sửa một quy định theo thời kỳ')
  @Put(':id/rules/:ruleId')
  @ApiOkResponse({ type: TierRuleDto })
  updateRule(
    @Param('id', IdPipe) id: number,
    @Param('ruleId', IdPipe) ruleId: number,
    @Body() dto: UpdateTierRuleDto,
  ) {
    return this.tiers.updateRule(id, ruleId, dto);
  }
}
