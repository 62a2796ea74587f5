import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { FieldProblemDto, ProblemDto } from './common/problem.dto';

export const API_VERSION = '1.0.0';

/** The OpenAPI 3 document, generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('notaflow API')
    .setDescription(
      'Registry and approval flow of ministerial documents: notas, their route through initialling, decision, ' +
        'co-signing ministries and the ministerraad, and the Kamer deadlines they answer to.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth()
    .build();
  // Every refusal answers a ProblemDto; named once here so clients generate its type with its codes.
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto, FieldProblemDto] });
}
