export * from './names';
export * from './nota-flow.definitions';
export * from './ping.definitions';
export * from './deadline-watch.definitions';
export * from './deadline-watch.client';
