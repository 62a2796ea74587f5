export * from './data-source';
export * from './entities/organisation.entity';
export * from './preflight';
