import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get()
  @ApiOperation({ summary: 'The ministries and other organisations of the registry, and whether each co-signs' })
  @ApiOkResponse({ type: [OrganisationDto] })
  list(): Promise<OrganisationDto[]> {
    return this.organisations.list();
  }
}
