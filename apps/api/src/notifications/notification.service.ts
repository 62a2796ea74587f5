import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '@notaflow/domain';
import { NotificationEntity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import type { ListNotificationsQuery, NotificationDto } from './notification.dto';

@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own notifications and those addressed to their whole organisation, newest first. */
  async list(actor: Actor, query: ListNotificationsQuery): Promise<NotificationDto[]> {
    const unread = query.unread ? { readAt: IsNull() } : {};
    const rows = await this.dataSource.getRepository(NotificationEntity).find({
      where: this.addressedTo(actor).map((where) => ({ ...where, ...unread })),
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 50,
    });
    return rows.map(toDto);
  }

  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    // Someone else's notification is answered like one that does not exist: no data, not even its existence.
    const notification = isUuid(id)
      ? await repository.findOne({ where: this.addressedTo(actor).map((where) => ({ ...where, id })) })
      : null;
    if (!notification) throw new AppException('notification_not_found', `No notification ${id}.`);
    if (!notification.readAt) {
      await repository.update({ id, readAt: IsNull() }, { readAt: new Date() });
    }
    return toDto(await repository.findOneByOrFail({ id }));
  }

  private addressedTo(actor: Actor): FindOptionsWhere<NotificationEntity>[] {
    return [
      { recipientUsername: actor.username },
      { recipientUsername: IsNull(), recipientOrganisation: actor.organisation },
    ];
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
