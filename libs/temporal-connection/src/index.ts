export * from './payload-codec';
export * from './connection';
export * from './boundary-warnings';
export * from './payload-json';
