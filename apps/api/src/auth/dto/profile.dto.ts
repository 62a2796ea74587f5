import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@notaflow/domain';

export class ProfileDto {
  @ApiProperty({ example: 'jenv.staff' })
  username!: string;

  @ApiProperty({ example: 'Beleidsmedewerker Cybercrime en zeden' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'drafter' })
  role!: Role;

  @ApiProperty({ example: 'JENV', description: 'Organisation code' })
  organisation!: string;
}
