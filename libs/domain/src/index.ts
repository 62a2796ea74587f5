export * from './deadlines';
export * from './demo-users';
export * from './nota';
export * from './roles';
export * from './route';
export * from './tasks';
export * from './text';
