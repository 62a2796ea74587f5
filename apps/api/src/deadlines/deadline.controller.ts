import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { DeadlineService } from './deadline.service';
import {
  CreateDeadlineDto,
  DeadlineStatusDto,
  ExtensionNoticeDto,
  ListDeadlinesQuery,
  PostponementOutcomeDto,
  RequestPostponementDto,
} from './dto/deadline-requests.dto';
import {
  DeadlineDetailDto,
  DeadlineDto,
  DeadlineStatusResultDto,
  PostponementDto,
  PostponementOutcomeResultDto,
} from './dto/deadline.dto';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlineController {
  constructor(private readonly deadlines: DeadlineService) {}

  @Post()
  @Roles('drafter', 'manager')
  @ApiOperation({ summary: 'Register a Kamer deadline; dueOn directly or from a preset term (Kamervragen, Woo)' })
  @ApiCreatedResponse({ type: DeadlineDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDeadlineDto): Promise<DeadlineDetailDto> {
    return this.deadlines.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: "The caller's organisation's deadlines, by due date" })
  @ApiOkResponse({ type: [DeadlineDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ListDeadlinesQuery): Promise<DeadlineDto[]> {
    return this.deadlines.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A deadline with the history of its postponements' })
  @ApiOkResponse({ type: DeadlineDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DeadlineDetailDto> {
    return this.deadlines.get(actor, id);
  }

  @Post(':id/postponements')
  @Roles('drafter', 'manager')
  @ApiOperation({ summary: 'Record an uitstelverzoek to the Kamer; one may be pending at a time' })
  @ApiCreatedResponse({ type: PostponementDto })
  @ApiConflictResponse({ description: 'One is already pending, or the deadline is closed' })
  requestPostponement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RequestPostponementDto,
  ): Promise<PostponementDto> {
    return this.deadlines.requestPostponement(actor, id, body);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('drafter', 'manager')
  @ApiOperation({
    summary:
      'Record the notice that extends a Kamervragen or Woo term at once (uitstelbericht, verdaging): the due date ' +
      'moves to the term from receipt with its extension. One sent after the first term is refused',
  })
  @ApiOkResponse({ type: DeadlineDetailDto })
  @ApiConflictResponse({
    description:
      'deadline_not_extendable, deadline_already_extended, extension_notice_too_late (with firstTermEndsOn), ' +
      'deadline_closed',
  })
  extend(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ExtensionNoticeDto,
  ): Promise<DeadlineDetailDto> {
    return this.deadlines.extend(actor, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('drafter', 'manager')
  @ApiOperation({ summary: 'Close the deadline: met, missed or cancelled; a met recurring one recurs' })
  @ApiOkResponse({ type: DeadlineStatusResultDto })
  @ApiConflictResponse({ description: 'The deadline was already closed otherwise' })
  setStatus(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: DeadlineStatusDto,
  ): Promise<DeadlineStatusResultDto> {
    return this.deadlines.setStatus(actor, id, body);
  }
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('postponements')
export class PostponementController {
  constructor(private readonly deadlines: DeadlineService) {}

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles('drafter', 'manager')
  @ApiOperation({ summary: "Record the Kamer's answer; granted moves the deadline's dueOn" })
  @ApiOkResponse({ type: PostponementOutcomeResultDto })
  @ApiConflictResponse({ description: 'The outcome has already been recorded' })
  recordOutcome(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: PostponementOutcomeDto,
  ): Promise<PostponementOutcomeResultDto> {
    return this.deadlines.recordOutcome(actor, id, body);
  }
}
