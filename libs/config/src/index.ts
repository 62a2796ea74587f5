export * from './config';
export * from './temporal-boundary';
