import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { KamerstukRef, NotaStage, NotaStatus, RouteTemplate } from '@notaflow/domain';

@Entity({ name: 'notas' })
export class NotaEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'ons_kenmerk', type: 'char', length: 7 })
  onsKenmerk!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  dossier!: string | null;

  @Column({ name: 'uw_kenmerk', type: 'text', nullable: true })
  uwKenmerk!: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  /** The date the document itself bears (the `Datum` of the seeds), apart from when it was registered. */
  @Column({ name: 'document_date', type: 'date', nullable: true })
  documentDate!: string | null;

  /** The Kamerstukken the nota concerns (a verslag, a motie, the letter it answers). */
  @Column({ type: 'jsonb' })
  kamerstukken!: KamerstukRef[];

  @Column({ name: 'organisation_code', type: 'text' })
  organisation!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ type: 'jsonb' })
  route!: RouteTemplate;

  @Column({ type: 'text' })
  status!: NotaStatus;

  @Column({ type: 'text', nullable: true })
  stage!: NotaStage | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'kamerstuk_dossier', type: 'text', nullable: true })
  kamerstukDossier!: string | null;

  @Column({ name: 'kamerstuk_number', type: 'integer', nullable: true })
  kamerstukNumber!: number | null;

  @Column({ name: 'kamerstuk_vergaderjaar', type: 'text', nullable: true })
  kamerstukVergaderjaar!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
