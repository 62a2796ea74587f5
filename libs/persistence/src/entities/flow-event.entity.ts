import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One transition of a flow: append-only, unique per (workflow id, seq) so a retried write never doubles. */
@Entity({ name: 'flow_events' })
export class FlowEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'nota_id', type: 'uuid' })
  notaId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  @Column({ type: 'text', nullable: true })
  organisation!: string | null;

  @Column({ type: 'text', nullable: true })
  stage!: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;

  /** For a decision: the SHA-256 of the nota document its holder saw. */
  @Column({ name: 'seen_sha256', type: 'text', nullable: true })
  seenSha256!: string | null;
}
