import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Request } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@notaflow/config';
import { CODEC_PATH } from '../codec/codec.endpoint';

/**
 * Security headers (helmet) with a Content-Security-Policy that lets the web app load only what the API itself
 * serves, and CORS for the origins configured: none by default, so only pages of the API's own origin may call it.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // React sets style attributes; no style sheet comes from elsewhere.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // HSTS only makes sense over HTTPS, which a proxy in front terminates; it sets its own.
      strictTransportSecurity: config.NODE_ENV === 'production',
    }),
  );
  if (config.CORS_ORIGINS.length) {
    const options: CorsOptions = {
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
      exposedHeaders: ['API-Version', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    };
    // The codec endpoint answers its own preflights, for the Temporal Web UI's origins (TEMPORAL_CODEC_ORIGINS).
    app.enableCors((request: Request, callback) =>
      callback(null, request.path.startsWith(`${CODEC_PATH}/`) ? { origin: false } : options),
    );
  }
}
