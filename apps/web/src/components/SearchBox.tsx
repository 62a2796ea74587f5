import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, TextInput } from '@rijkshuisstijl-community/components-react';
import { SEARCH_MAX_LENGTH } from '@notaflow/domain';

export const SEARCH_PATH = '/zoeken';

/** The search in the header: from every page, to the results page, which the address then names (and keeps). */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === SEARCH_PATH ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  // Back and forward between searches show the search of the page.
  useEffect(() => setText(current), [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q) void navigate(`${SEARCH_PATH}?${new URLSearchParams({ q }).toString()}`);
  };

  return (
    <form role="search" aria-label="Zoeken" className="nf-search" onSubmit={submit}>
      <label htmlFor="nf-search-q" className="nf-visually-hidden">
        Zoek op kenmerk, Kamerstuk of woorden
      </label>
      <TextInput
        id="nf-search-q"
        name="q"
        type="search"
        className="nf-input nf-search__input"
        placeholder="Kenmerk, Kamerstuk of woorden"
        maxLength={SEARCH_MAX_LENGTH}
        required
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <Button type="submit" appearance="secondary-action-button">
        Zoeken
      </Button>
    </form>
  );
}
