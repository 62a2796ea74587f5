import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'notaflow:isPublic';

/** Marks a route that needs no access token (health, OpenAPI document, token endpoint). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
