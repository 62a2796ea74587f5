export * from './nota-flow.workflow';
export * from './ping.workflow';
export * from './deadline-watch.workflow';
