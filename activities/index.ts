export * from './create-activities';
export * from './flow.types';
export * from './deadline-watches';
export * from './mail';
export type { Notification, NotificationKind } from './notifications';
