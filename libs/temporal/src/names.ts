/** The task queue the api starts flows on and the worker polls; overridable by TEMPORAL_TASK_QUEUE. */
export const DEFAULT_TASK_QUEUE = 'notaflow';
