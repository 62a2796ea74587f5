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
  CreateEquatedDayDto,
  CreateKamerEventDto,
  CreateMinisterraadMeetingDto,
  DateResultDto,
  EquatedDayDto,
  KamerEventDto,
  MinisterraadMeetingDto,
  VergaderjaarDto,
  WorkingDaysResultDto,
} from './dto/calendar.dto';
import {
  AddWorkingDaysQuery,
  BackwardPlanQuery,
  CalendarDayParam,
  EquatedDaysQuery,
  MinisterraadQuery,
  TermEndQuery,
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
  addWorkingDays(@Query() query: AddWorkingDaysQuery): Promise<DateResultDto> {
    return this.calendar.addWorkingDays(query.from, query.days);
  }

  @Get('working-days')
  @ApiOperation({ summary: 'Working days after `from` up to and including `to`' })
  @ApiOkResponse({ type: WorkingDaysResultDto })
  workingDays(@Query() query: WorkingDaysQuery): Promise<WorkingDaysResultDto> {
    return this.calendar.workingDays(query.from, query.to);
  }

  @Get('term-end')
  @ApiOperation({
    summary:
      'The end of a statutory term of N calendar days from a day, per the Algemene termijnenwet (art. 1: past ' +
      'weekends and holidays; art. 2: a term of 3 days or more holds two working days; art. 4: over 90 days it ends ' +
      'on its calendar day)',
  })
  @ApiOkResponse({ type: DateResultDto })
  termEnd(@Query() query: TermEndQuery): Promise<DateResultDto> {
    return this.calendar.termEnd(query.from, query.days);
  }

  @Get('equated-days')
  @ApiOperation({ summary: 'Days a Royal Decree equates with a public holiday (ATW art. 3 lid 3), with their source' })
  @ApiOkResponse({ type: [EquatedDayDto] })
  equatedDays(@Query() query: EquatedDaysQuery): Promise<EquatedDayDto[]> {
    return this.calendar.equatedDays(query.year);
  }

  @Post('equated-days')
  @Roles('admin')
  @ApiOperation({ summary: 'Record a day a decree equates with a public holiday' })
  @ApiCreatedResponse({ type: EquatedDayDto })
  @ApiConflictResponse({ description: 'problem+json when the day is equated already' })
  addEquatedDay(@Body() body: CreateEquatedDayDto): Promise<EquatedDayDto> {
    return this.calendar.addEquatedDay(body);
  }

  @Delete('equated-days/:date')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove an equated day' })
  @ApiNoContentResponse()
  removeEquatedDay(@Param() { date }: CalendarDayParam): Promise<void> {
    return this.calendar.removeEquatedDay(date);
  }

  @Get('ministerraad-meetings')
  @ApiOperation({ summary: 'Meetings the Friday rule does not give: extra ones, and moved ones with their old day' })
  @ApiOkResponse({ type: [MinisterraadMeetingDto] })
  ministerraadMeetings(): Promise<MinisterraadMeetingDto[]> {
    return this.calendar.ministerraadMeetings();
  }

  @Post('ministerraad-meetings')
  @Roles('admin')
  @ApiOperation({ summary: 'Record an extra or a moved ministerraad meeting' })
  @ApiCreatedResponse({ type: MinisterraadMeetingDto })
  @ApiConflictResponse({ description: 'problem+json when the ministerraad meets that day already' })
  addMinisterraadMeeting(@Body() body: CreateMinisterraadMeetingDto): Promise<MinisterraadMeetingDto> {
    return this.calendar.addMinisterraadMeeting(body);
  }

  @Delete('ministerraad-meetings/:date')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove an extra or moved meeting' })
  @ApiNoContentResponse()
  removeMinisterraadMeeting(@Param() { date }: CalendarDayParam): Promise<void> {
    return this.calendar.removeMinisterraadMeeting(date);
  }

  @Get('kamer-events')
  @ApiOperation({
    summary:
      "The Kamer's events deadlines are tied to: the Algemene Politieke Beschouwingen, each begrotingsbehandeling",
  })
  @ApiOkResponse({ type: [KamerEventDto] })
  kamerEvents(): Promise<KamerEventDto[]> {
    return this.calendar.kamerEvents();
  }

  @Post('kamer-events')
  @Roles('admin')
  @ApiOperation({ summary: 'Add an APB or a begrotingsbehandeling; the deadlines tied to it get their date' })
  @ApiCreatedResponse({ type: KamerEventDto })
  @ApiConflictResponse({ description: 'problem+json when it overlaps another of the same kind' })
  addKamerEvent(@Body() body: CreateKamerEventDto): Promise<KamerEventDto> {
    return this.calendar.addKamerEvent(body);
  }

  @Delete('kamer-events/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a Kamer event' })
  @ApiNoContentResponse()
  removeKamerEvent(@Param('id') id: string): Promise<void> {
    return this.calendar.removeKamerEvent(id);
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
