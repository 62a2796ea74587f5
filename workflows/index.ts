export * from './nota-flow.workflow';
export * from './ping.workflow';
