import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateNotaDto } from './dto/create-nota.dto';
import { ListNotasQuery } from './dto/list-notas.query';
import { KamerstukDto, NewVersionDto, WithdrawDto } from './dto/nota-actions.dto';
import { NotaDto, NotaSummaryDto, SubmitResultDto } from './dto/nota.dto';
import { NotaService } from './nota.service';

@ApiTags('notas')
@ApiBearerAuth()
@Controller('notas')
export class NotaController {
  constructor(private readonly notas: NotaService) {}

  @Post()
  @Roles('drafter')
  @ApiOperation({ summary: 'Register a nota; hands out its ons kenmerk' })
  @ApiCreatedResponse({ type: NotaDto })
  register(@CurrentActor() actor: Actor, @Body() body: CreateNotaDto): Promise<NotaDto> {
    return this.notas.register(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'The notas the caller may see, newest first' })
  @ApiOkResponse({ type: [NotaSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotasQuery): Promise<NotaSummaryDto[]> {
    return this.notas.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A nota with its open tasks, history and versions' })
  @ApiOkResponse({ type: NotaDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotaDto> {
    return this.notas.get(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(202)
  @Roles('drafter')
  @ApiOperation({ summary: 'Start the approval flow' })
  @ApiAcceptedResponse({ type: SubmitResultDto })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SubmitResultDto> {
    return this.notas.submit(actor, id);
  }

  @Post(':id/versions')
  @HttpCode(201)
  @Roles('drafter')
  @ApiOperation({ summary: 'Record version n+1 after changes were requested; the flow resumes' })
  @ApiCreatedResponse({ type: NotaDto })
  newVersion(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: NewVersionDto): Promise<NotaDto> {
    return this.notas.newVersion(actor, id, body.note);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('drafter')
  @ApiOperation({ summary: 'Withdraw the nota; every open task is cancelled' })
  @ApiOkResponse({ type: NotaDto })
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: WithdrawDto): Promise<NotaDto> {
    return this.notas.withdraw(actor, id, body.reason);
  }

  @Post(':id/kamerstuk')
  @HttpCode(200)
  @Roles('drafter')
  @ApiOperation({
    summary: "Record the Kamer's number after dispatch; the vergaderjaar follows from the dispatch date",
  })
  @ApiOkResponse({ type: NotaDto })
  kamerstuk(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: KamerstukDto): Promise<NotaDto> {
    return this.notas.recordKamerstuk(actor, id, body);
  }
}
