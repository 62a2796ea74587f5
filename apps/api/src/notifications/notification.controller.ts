import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ListNotificationsQuery, NotificationDto } from './notification.dto';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiOperation({ summary: "Reminders and escalations for the caller and the caller's organisation" })
  @ApiOkResponse({ type: [NotificationDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationDto[]> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification as read' })
  @ApiOkResponse({ type: NotificationDto })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }
}
