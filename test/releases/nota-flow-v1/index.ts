export * from './nota-flow.workflow';
