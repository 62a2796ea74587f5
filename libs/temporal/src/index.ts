export * from './names';
export * from './activity-contracts';
export * from './nota-flow.definitions';
export * from './nota-flow.refusals';
export * from './ping.definitions';
export * from './deadline-watch.definitions';
export * from './deadline-watch.client';
export * from './nota-flow.search-attributes';
