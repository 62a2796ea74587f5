import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DecisionDto, DecisionResultDto, ListTasksQuery, ReassignDto, TaskDto } from './dto/task.dto';
import { TaskService } from './task.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskController {
  constructor(private readonly tasks: TaskService) {}

  @Get()
  @ApiOperation({ summary: 'The tasks the caller may act on' })
  @ApiOkResponse({ type: [TaskDto] })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListTasksQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TaskDto[] | string> {
    const inbox = await this.tasks.inbox(actor, query);
    if (!inbox) return this.tasks.list(actor, query);
    response.type('application/json');
    // Strong, and named by the cache once per answer kept: Express then neither hashes the body again nor sends it
    // to a poller whose If-None-Match names it (a 304).
    response.setHeader('ETag', inbox.etag);
    return inbox.body;
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide on a task; answers once the flow has taken the decision' })
  @ApiOkResponse({ type: DecisionResultDto })
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DecisionDto): Promise<DecisionResultDto> {
    return this.tasks.decide(actor, id, body);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand a reviewer’s or the decider’s task to another user of its role and organisation',
    description: 'By the person it names or a manager of its organisation, with a reason; its due date stays.',
  })
  @ApiOkResponse({ type: TaskDto })
  reassign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReassignDto): Promise<TaskDto> {
    return this.tasks.reassign(actor, id, body);
  }
}
