// Only workflow functions and plain values: the worker registers every function exported here as a workflow type.
export { notaFlowWorkflow } from './nota-flow.workflow';
export { ANNOUNCE_TASKS_PATCH, AWAIT_NOTIFICATIONS_PATCH } from './patches';
