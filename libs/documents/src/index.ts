export * from './beslisnota';
export * from './changes';
export * from './dispatch-package';
export * from './media-types';
export * from './pdf-encryption';
export * from './render-beslisnota';
export * from './text-extraction';
