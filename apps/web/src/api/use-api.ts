import { useCallback, useEffect, useRef, useState } from 'react';
import type { MaybeOptionalInit } from 'openapi-fetch';
import { ApiError, answer, client } from './client';
import type { paths } from './schema.gen';

type GetPath = { [P in keyof paths]: paths[P]['get'] extends { responses: unknown } ? P : never }[keyof paths];
type GetInit<P extends GetPath> = MaybeOptionalInit<paths[P], 'get'>;
/** The init is required exactly when the path has required parameters (`{id}`, a required query). */
type GetArgs<P extends GetPath> = undefined extends GetInit<P> ? [init?: GetInit<P>] : [init: GetInit<P>];
type GetData<P extends GetPath> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer D } } };
}
  ? D
  : never;

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * GETs an API path, typed by the API's document, and keeps the answer: `useApi('/api/v1/notas/{id}', { params:
 * { path: { id } } })`. Other params fetch again, and an answer that arrives for old params is dropped. A `null`
 * path fetches nothing (yet).
 */
export function useApi<P extends GetPath>(path: P | null, ...[init]: GetArgs<P>): Loaded<GetData<P>> {
  const [state, setState] = useState<{ data?: GetData<P>; error?: ApiError; loading: boolean }>({
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  // What to fetch, as a value: a new object literal with the same params each render asks nothing new.
  const key = path === null ? null : JSON.stringify([path, init?.params ?? null]);
  const request = useRef({ path, init });
  request.current = { path, init };

  useEffect(() => {
    const { path: current, init: options } = request.current;
    if (current === null) return;
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    // openapi-fetch types each call by its literal path; this one path is generic, so its call is typed here.
    const get = client.GET as (path: GetPath, init?: unknown) => Promise<{ data?: GetData<P>; response: Response }>;
    answer(get(current, options)).then(
      (data) => ticket === latest.current && setState({ data, loading: false }),
      (error: unknown) =>
        ticket === latest.current &&
        setState((previous) => ({
          data: previous.data,
          error: error instanceof ApiError ? error : new ApiError(0),
          loading: false,
        })),
    );
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
