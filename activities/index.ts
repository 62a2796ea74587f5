export * from './create-activities';
export * from './deadline-watches';
export * from './mail';
export type { Notification, NotificationKind } from './notifications';
// The contracts between workflows and activities live in libs/temporal; named here too for code written against
// this package before they moved (the frozen v1 release in test/releases).
export type { OpenedTask, TaskToClose, TaskToOpen, Transition, TransitionEvent } from '@notaflow/temporal';
