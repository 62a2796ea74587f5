export * from './names';
export * from './ping.definitions';
