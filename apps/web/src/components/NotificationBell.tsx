import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { NumberBadge } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../api/use-api';
import { RouterLink } from './RouterLink';

const POLL_MS = 60_000;

/** The bell in the header: how many reminders and escalations are unread, a link to read them. */
export function NotificationBell() {
  const unread = useApi('/api/v1/notifications', { params: { query: { unread: true, limit: 200 } } });
  const location = useLocation();
  const { reload } = unread;

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // Reading them on the notifications page changes the count: ask again after every navigation (not the first
  // render, which useApi has just fetched).
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    reload();
  }, [location.pathname, reload]);

  const count = unread.data?.length ?? 0;
  const text = count === 0 ? 'Meldingen, geen ongelezen' : `Meldingen, ${count} ongelezen`;
  return (
    <RouterLink to="/meldingen" className="nf-bell" aria-label={text} title={text}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5-6.71V3.5a2 2 0 0 0-4 0v.79A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
          fill="currentColor"
        />
      </svg>
      {count > 0 && (
        <NumberBadge className="nf-bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </NumberBadge>
      )}
    </RouterLink>
  );
}
