import { ApiProperty } from '@nestjs/swagger';

export class OrganisationDto {
  @ApiProperty({ example: 'VWS' }) code!: string;
  @ApiProperty({ example: 'Volksgezondheid, Welzijn en Sport' }) name!: string;
  /** Whether the organisation may be asked to co-sign (medeondertekening). */
  @ApiProperty() canCoSign!: boolean;
}
