/** Input and output of the wiring probe: a workflow that runs one activity touching the database. */
export interface PingInput {
  message: string;
}

export interface PingResult {
  message: string;
  databaseTime: string;
  workflowId: string;
}
