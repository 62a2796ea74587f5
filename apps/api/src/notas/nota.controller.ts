import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateNotaDto } from './dto/create-nota.dto';
import { ListNotasQuery } from './dto/list-notas.query';
import { KamerstukDto, NewVersionDto, WithdrawDto } from './dto/nota-actions.dto';
import { NotaDto, NotaSummaryDto, SubmitResultDto } from './dto/nota.dto';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, parseIdempotencyKey } from './idempotency-key';
import { NotaService } from './nota.service';

@ApiTags('notas')
@ApiBearerAuth()
@Controller('notas')
export class NotaController {
  constructor(private readonly notas: NotaService) {}

  @Post()
  @Roles('drafter')
  @ApiOperation({ summary: 'Register a nota; hands out its ons kenmerk' })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      'A key of your own (a new UUID per nota to register), sent again unchanged with the same request when the ' +
      'answer was lost: within 24 hours the same key from the same user answers the nota it registered, never a ' +
      'second ons kenmerk. The same key with another request: 422 idempotency_key_reused.',
  })
  @ApiCreatedResponse({
    type: NotaDto,
    headers: {
      [IDEMPOTENT_REPLAYED_HEADER]: {
        description: '`true` when the nota is the one an earlier request with the same Idempotency-Key registered',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  async register(
    @CurrentActor() actor: Actor,
    @Body() body: CreateNotaDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotaDto> {
    const { nota, replayed } = await this.notas.registerOnce(actor, body, parseIdempotencyKey(idempotencyKey));
    if (replayed) response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return nota;
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
