import type { SkeletonActivities } from './skeleton.workflow';

const DAY = 86_400_000;

/** The skeleton's activities: nothing, but what a record answers (its moment), and a meeting day a week on. */
export const skeletonActivities: SkeletonActivities = {
  skeletonRecord: () => Promise.resolve({ at: new Date().toISOString() }),
  skeletonNotify: () => Promise.resolve(),
  skeletonMeeting: (after) => Promise.resolve(new Date(Date.parse(after) + 7 * DAY).toISOString().slice(0, 10)),
};
