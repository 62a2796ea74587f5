export * from './ping.workflow';
