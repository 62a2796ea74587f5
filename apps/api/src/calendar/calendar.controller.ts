import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CalendarService } from './calendar.service';
import {
  BackwardPlanDto,
  CalendarPeriodDto,
  CreateCalendarPeriodDto,
  DateResultDto,
  VergaderjaarDto,
  WorkingDaysResultDto,
} from './dto/calendar.dto';
import {
  AddWorkingDaysQuery,
  BackwardPlanQuery,
  MinisterraadQuery,
  VergaderjaarQuery,
  WorkingDaysQuery,
} from './dto/calendar.query';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('add-working-days')
  @ApiOperation({ summary: 'N working days after a day (Algemene termijnenwet: weekends and holidays skipped)' })
  @ApiOkResponse({ type: DateResultDto })
  addWorkingDays(@Query() query: AddWorkingDaysQuery): DateResultDto {
    return this.calendar.addWorkingDays(query.from, query.days);
  }

  @Get('working-days')
  @ApiOperation({ summary: 'Working days after `from` up to and including `to`' })
  @ApiOkResponse({ type: WorkingDaysResultDto })
  workingDays(@Query() query: WorkingDaysQuery): WorkingDaysResultDto {
    return this.calendar.workingDays(query.from, query.to);
  }

  @Get('vergaderjaar')
  @ApiOperation({ summary: 'The parliamentary year a day falls in, and its Prinsjesdag' })
  @ApiOkResponse({ type: VergaderjaarDto })
  vergaderjaar(@Query() query: VergaderjaarQuery): VergaderjaarDto {
    return this.calendar.vergaderjaar(query.date);
  }

  @Get('ministerraad')
  @ApiOperation({ summary: 'The first ministerraad Friday after a day, outside its breaks and public holidays' })
  @ApiOkResponse({ type: DateResultDto })
  ministerraad(@Query() query: MinisterraadQuery): Promise<DateResultDto> {
    return this.calendar.nextMinisterraad(query.after);
  }

  @Get('backward-plan')
  @ApiOperation({
    summary: 'The latest start and end of each stage of a route so that a fixed date is met, in working days',
  })
  @ApiOkResponse({ type: BackwardPlanDto })
  backwardPlan(@Query() query: BackwardPlanQuery): Promise<BackwardPlanDto> {
    return this.calendar.backwardPlan(query.target, query.route);
  }

  @Get('recesses')
  @ApiOperation({ summary: 'The Tweede Kamer recesses, in date order' })
  @ApiOkResponse({ type: [CalendarPeriodDto] })
  recesses(): Promise<CalendarPeriodDto[]> {
    return this.calendar.list('recess');
  }

  @Post('recesses')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a recess' })
  @ApiCreatedResponse({ type: CalendarPeriodDto })
  @ApiConflictResponse({ description: 'problem+json when it overlaps another recess' })
  addRecess(@Body() body: CreateCalendarPeriodDto): Promise<CalendarPeriodDto> {
    return this.calendar.create('recess', body);
  }

  @Delete('recesses/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a recess' })
  @ApiNoContentResponse()
  removeRecess(@Param('id') id: string): Promise<void> {
    return this.calendar.remove('recess', id);
  }

  @Get('ministerraad-breaks')
  @ApiOperation({ summary: 'The periods the ministerraad does not meet, in date order' })
  @ApiOkResponse({ type: [CalendarPeriodDto] })
  ministerraadBreaks(): Promise<CalendarPeriodDto[]> {
    return this.calendar.list('ministerraad_break');
  }

  @Post('ministerraad-breaks')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a ministerraad break' })
  @ApiCreatedResponse({ type: CalendarPeriodDto })
  @ApiConflictResponse({ description: 'problem+json when it overlaps another break' })
  addMinisterraadBreak(@Body() body: CreateCalendarPeriodDto): Promise<CalendarPeriodDto> {
    return this.calendar.create('ministerraad_break', body);
  }

  @Delete('ministerraad-breaks/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a ministerraad break' })
  @ApiNoContentResponse()
  removeMinisterraadBreak(@Param('id') id: string): Promise<void> {
    return this.calendar.remove('ministerraad_break', id);
  }
}
