import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seq of the last flow step written to a nota's row: an attempt of an earlier step that commits late (it waited
 * for a connection past its timeout while the retry and later steps went through) no longer sets the nota back.
 */
export class NotaFlowSeq1763900800000 implements MigrationInterface {
  name = 'NotaFlowSeq1763900800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notas ADD COLUMN flow_seq integer CHECK (flow_seq >= 1)`);
    // Flows running now: their last recorded event is the last step written.
    await db.query(`
      UPDATE notas n SET flow_seq = e.seq
        FROM (SELECT nota_id, max(seq) AS seq FROM flow_events GROUP BY nota_id) e
       WHERE e.nota_id = n.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE notas DROP COLUMN flow_seq');
  }
}
