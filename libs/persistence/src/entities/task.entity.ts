import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskStatus, TaskType } from '@notaflow/domain';

/** Read model of the flow's tasks, kept by the workflow's activities; the API reads it, never writes it. */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'nota_id', type: 'uuid' })
  notaId!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text' })
  type!: TaskType;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'text' })
  organisation!: string;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ type: 'text' })
  status!: TaskStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'meeting_on', type: 'date', nullable: true })
  meetingOn!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  /** The SHA-256 of the nota document the decision was given on. */
  @Column({ name: 'seen_sha256', type: 'text', nullable: true })
  seenSha256!: string | null;
}
