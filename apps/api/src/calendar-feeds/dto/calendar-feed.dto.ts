import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class CreateCalendarFeedDto {
  @ApiPropertyOptional({ example: 'Outlook werk', maxLength: 100, description: 'A label to tell feeds apart' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(100)
  name?: string;
}

export class ListCalendarFeedsQuery extends PageQuery(50, 200) {}

/** A feed as its owner sees it later: never the token, nor its hash. */
export class CalendarFeedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Outlook werk' }) name!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Last fetch, to the minute' })
  lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set once revoked; the URL is dead' })
  revokedAt!: string | null;
}

/** The answer to creating a feed: the only time the token (in the URLs) is shown. */
export class CreatedCalendarFeedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Outlook werk' }) name!: string | null;
  @ApiProperty({
    format: 'uri',
    example: 'https://notaflow.example/api/v1/deadlines.ics?token=q8Xv...',
    description: 'The subscription URL; it carries the token, so treat it as a password',
  })
  url!: string;
  @ApiProperty({
    example: 'webcal://notaflow.example/api/v1/deadlines.ics?token=q8Xv...',
    description: 'The same URL as webcal://, which calendar apps open as a subscription',
  })
  webcalUrl!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
