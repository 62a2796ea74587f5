import { Injectable } from '@nestjs/common';
import type { Actor } from '@notaflow/domain';
import { NotificationRepository, type NotificationEntity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import type { ListNotificationsQuery, NotificationDto } from './notification.dto';

@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  /** The caller's own notifications and those addressed to their whole organisation, newest first. */
  async list(actor: Actor, query: ListNotificationsQuery): Promise<NotificationDto[]> {
    const rows = await this.notifications.listFor(actor, { unread: query.unread, limit: query.limit ?? 50 });
    return rows.map(toDto);
  }

  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    // Someone else's notification is answered like one that does not exist: no data, not even its existence.
    const notification = isUuid(id) ? await this.notifications.findFor(actor, id) : null;
    if (!notification) throw new AppException('notification_not_found', `No notification ${id}.`);
    return toDto(notification.readAt ? notification : await this.notifications.markRead(id));
  }
}

function toDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    notaId: n.notaId,
    taskId: n.taskId,
    subject: n.subject,
    body: n.body,
    recipientUsername: n.recipientUsername,
    recipientOrganisation: n.recipientOrganisation,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
