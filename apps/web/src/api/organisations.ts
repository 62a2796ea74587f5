import { useCallback, useEffect, useState } from 'react';
import { answer, client } from './client';
import type { Organisation } from './types';

// Once per page load: the registry's organisations change with a release of the registry, not while a tab is open.
let pending: Promise<Organisation[]> | undefined;
let known: Organisation[] | undefined;

function loadOrganisations(): Promise<Organisation[]> {
  pending ??= answer(client.GET('/api/v1/organisations')).then(
    (list) => (known = list),
    (error: unknown) => {
      // Asked again by the next page that needs them: the API may be back, or the user signed in again.
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

export interface Organisations {
  /** The registry's organisations, by name; undefined until the API answered. */
  list: Organisation[] | undefined;
  /** The organisation's name, or its code until the names are known (or when the API does not know the code). */
  name(code: string): string;
}

/** The ministries and other organisations of the registry (`GET /api/v1/organisations`), asked once and shared. */
export function useOrganisations(): Organisations {
  const [list, setList] = useState(known);
  useEffect(() => {
    let current = true;
    loadOrganisations().then(
      (loaded) => current && setList(loaded),
      // Without the names the codes stand in, which every page can live with.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  const name = useCallback((code: string) => list?.find((o) => o.code === code)?.name ?? code, [list]);
  return { list, name };
}
