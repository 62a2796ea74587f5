export * from './deadline-messages';
export * from './links';
export * from './task-messages';
