import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisations1763900000000 implements MigrationInterface {
  name = 'Organisations1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,10}$'),
        name text NOT NULL,
        can_co_sign boolean NOT NULL DEFAULT true
      )`);
    await db.query(`
      INSERT INTO organisations (code, name, can_co_sign) VALUES
        ('JENV', 'Ministerie van Justitie en Veiligheid', true),
        ('VWS', 'Ministerie van Volksgezondheid, Welzijn en Sport', true),
        ('BZ', 'Ministerie van Buitenlandse Zaken', true),
        ('BHO', 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', true),
        ('SZW', 'Ministerie van Sociale Zaken en Werkgelegenheid', true),
        ('BZK', 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', true),
        ('OCW', 'Ministerie van Onderwijs, Cultuur en Wetenschap', true),
        ('FIN', 'Ministerie van Financiën', true),
        ('AZ', 'Ministerie van Algemene Zaken', false)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE organisations');
  }
}
