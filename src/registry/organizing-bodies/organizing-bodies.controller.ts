import { ApiDoc } from '../../common/http/api-doc';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../../common/http/permission.decorator';
import { IdPipe } from '../../common/http/id-param.pipe';
import {
  CreateOrganizingBodyDto,
  OrganizingBodyDto,
  UpdateOrganizingBodyDto,
} from './dto/organizing-body.dto';
import { OrganizingBodiesService } from './organizing-bodies.service';

@ApiTags('Cơ quan tổ chức khối/cụm thi đua')
@Controller('organizing-bodies')
export class OrganizingBodiesController {
  constructor(private readonly bodies: OrganizingBodiesService) {}

  @Permission('organizations.read')
  @ApiDoc('Danh sách cơ quan tổ chức khối, cụm')
  @Get()
  @ApiOkResponse({ type: [OrganizingBodyDto] })
  list() {
    return this.bodies.list();
  }

  @Permission('organizations.read', { organization: 'id' })
  @ApiDoc('Một cơ quan tổ chức khối, cụm')
  @Get(':id')
  @ApiOkResponse({ type: OrganizingBodyDto })
  get(@Param('id', IdPipe) id: number) {
    return this.bodies.get(id);
  }

  @Permission('organizations.create')
  @ApiDoc('Thêm cơ quan tổ chức khối, cụm')
  @Post()
  @ApiCreatedResponse({ type: OrganizingBodyDto })
  create(@Body() dto: CreateOrganizingBodyDto) {
    return this.bodies.create(dto);
  }

  @Permission('registry.write', { organization: 'id' })
  @ApiDoc('Sửa cơ quan tổ chức khối, cụm')
  @Patch(':id')
  @ApiOkResponse({ type: OrganizingBodyDto })
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateOrganizingBodyDto) {
    return this.bodies.update(id, dto);
  }
}
