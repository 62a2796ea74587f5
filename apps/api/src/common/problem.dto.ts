import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldErrorCode, type ProblemCode } from '@notaflow/domain';

/** One invalid field of a 400. */
export class FieldProblemDto {
  @ApiProperty({ example: 'route.reviewers[1]' }) name!: string;
  @ApiProperty({ enum: FIELD_ERROR_CODES, enumName: 'FieldErrorCode' }) code!: FieldErrorCode;
  @ApiProperty({ example: 'is not a known user: jenv.x' }) reason!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params?: Record<string, string | number>;
}

/** RFC 9457 problem details, as every refusal and failure of the API answers (`application/problem+json`). */
export class ProblemDto {
  @ApiProperty({ example: 'https://notaflow.example/problems/conflict' }) type!: string;
  @ApiProperty({ example: 'Conflict' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ example: 'The task is done.' }) detail!: string;
  @ApiProperty({ enum: PROBLEM_CODES, enumName: 'ProblemCode' }) code!: ProblemCode;
  @ApiPropertyOptional({ example: '/api/v1/tasks/0c6b…/decision' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
}
