import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok' | 'down';

  @ApiProperty({ enum: ['ok', 'down'] })
  database!: 'ok' | 'down';

  @ApiProperty({ enum: ['ok', 'down'] })
  temporal!: 'ok' | 'down';
}
