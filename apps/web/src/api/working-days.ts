import { useEffect, useState } from 'react';
import { today } from '../lib/dates';
import { answer, client } from './client';

// Per page load: the count from today to a day changes only at midnight, and lists repeat the same due days.
const cache = new Map<string, Promise<number | null>>();

function workingDaysUntil(from: string, to: string): Promise<number | null> {
  const key = `${from}/${to}`;
  let count = cache.get(key);
  if (!count) {
    count = answer(client.GET('/api/v1/calendar/working-days', { params: { query: { from, to } } }))
      .then((result) => result.workingDays)
      // Outside the years the calendar knows, or the API away: the badge then shows the date only.
      .catch(() => null);
    cache.set(key, count);
  }
  return count;
}

/**
 * Working days from today to each due day (Algemene termijnenwet: weekends and public holidays skipped), as the
 * API's calendar counts them; one request per distinct day.
 */
export function useWorkingDaysLeft(days: readonly string[]): ReadonlyMap<string, number | null> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number | null>>(new Map());
  const key = [...new Set(days)].sort().join(',');

  useEffect(() => {
    let current = true;
    const from = today();
    const distinct = key ? key.split(',') : [];
    void Promise.all(distinct.map(async (day) => [day, await workingDaysUntil(from, day)] as const)).then(
      (entries) => current && setCounts(new Map(entries)),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return counts;
}
