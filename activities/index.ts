export * from './create-activities';
export * from './flow.types';
