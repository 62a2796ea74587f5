export * from './nota-flow';
export * from './ping.workflow';
export * from './deadline-watch.workflow';
