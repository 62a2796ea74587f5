import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from '../common/problem';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the API reaches its database and the Temporal server' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'problem+json naming the part that is down' })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthDto | void> {
    const report = await this.health.check();
    if (report.status === 'ok') return report;
    const down = (['database', 'temporal'] as const).filter((part) => report[part] === 'down');
    response
      .status(503)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify(
          problem(503, `${down.join(' and ')} unreachable`, 'unavailable', {
            database: report.database,
            temporal: report.temporal,
          }),
        ),
      );
  }
}
