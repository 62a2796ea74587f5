export * from './database';
export * from './nota.repository';
export * from './task.repository';
export * from './transition.repository';
export * from './notification.repository';
export * from './user.repository';
export * from './organisation.repository';
export * from './document.repository';
