import { patched } from '@temporalio/workflow';

/**
 * Every change to the approval flow that running flows would not replay, behind its patch. A flow marks a patch the
 * first time it reaches the call; on replay the marker (or its absence) in its history answers, so a flow that ran
 * the code before the change replays as it ran. Where each call sits matters as much as its name: a patch is never
 * renamed or moved, only deprecated (`deprecatePatch`) once no flow that ran without it is left.
 */

/**
 * v2: whoever gets a task hears of it at once (in-app and by email), instead of only at the reminder. Behind this
 * patch, flows that opened their tasks on v1 replay as they ran; from the next task they open on, they announce too.
 */
export const ANNOUNCE_TASKS_PATCH = 'announce-tasks';

/**
 * v3: the run does not close before the notifications it began beside the flow are written. Through a database
 * outage an announcement may still be retrying when the last decision comes; v2 closed the run and dropped it.
 */
export const AWAIT_NOTIFICATIONS_PATCH = 'await-notifications';

/**
 * v5: the flow keeps its search attributes (OnsKenmerk, Organisation, Stage) up to date at each stage it enters, so
 * that an operator finds it by kenmerk and sees where it is. Flows started before v5 carry none from their start and
 * gain all three at the next stage they enter.
 */
export const SEARCH_ATTRIBUTES_PATCH = 'search-attributes';

/** Asked once for each set of tasks opened, after the transition that opened them is recorded. */
export function announcesTasks(): boolean {
  return patched(ANNOUNCE_TASKS_PATCH);
}

/** Asked once as the run finishes, before it waits for its Updates to be answered. */
export function awaitsNotifications(): boolean {
  return patched(AWAIT_NOTIFICATIONS_PATCH);
}

/** Asked each time the flow's stage changes, once the transition that changed it is recorded. */
export function keepsSearchAttributes(): boolean {
  return patched(SEARCH_ATTRIBUTES_PATCH);
}
