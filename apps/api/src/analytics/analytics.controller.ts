import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CSV_CONTENT_TYPE, overdueCsv, turnaroundCsv, wantsCsv } from './analytics.csv';
import { AnalyticsService } from './analytics.service';
import { OverdueQueryDto, TurnaroundQueryDto } from './dto/analytics-requests.dto';
import { OverdueDto, TurnaroundDto } from './dto/analytics.dto';

@ApiTags('analytics')
@ApiBearerAuth()
@Roles('manager')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('turnaround')
  @ApiOperation({
    summary: "Where the time goes: turnaround of the own organisation's notas per stage, organisation or month",
    description:
      'Over the tasks decided (and changes_requested pauses ended) in the period, from and to being ' +
      'Europe/Amsterdam days, both included. Seconds and working days. `Accept: text/csv` for Dutch Excel.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: TurnaroundDto })
  async turnaround(
    @CurrentActor() actor: Actor,
    @Query() query: TurnaroundQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TurnaroundDto | string> {
    const result = await this.analytics.turnaround(actor, query);
    response.vary('Accept');
    if (!wantsCsv(accept)) return result;
    response.attachment(`turnaround-${result.groupBy}-${result.from}-${result.to}.csv`).type(CSV_CONTENT_TYPE);
    return turnaroundCsv(result);
  }

  @Get('overdue')
  @ApiOperation({
    summary: "Open tasks on the own organisation's notas and its open deadlines, past due or due soon",
    description: 'Most urgent first, with who holds each. `Accept: text/csv` for Dutch Excel.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OverdueDto })
  async overdue(
    @CurrentActor() actor: Actor,
    @Query() query: OverdueQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OverdueDto | string> {
    const result = await this.analytics.overdue(actor, query);
    response.vary('Accept');
    if (!wantsCsv(accept)) return result;
    response.attachment(`overdue-${result.dueBy}.csv`).type(CSV_CONTENT_TYPE);
    return overdueCsv(result);
  }
}
