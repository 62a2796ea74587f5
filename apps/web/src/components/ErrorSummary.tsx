import { forwardRef } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';

export interface ErrorSummaryItem {
  /** The id of the input to jump to. */
  target: string;
  message: string;
  /** The field's label, put before the message: the summary is read away from the fields. */
  label?: string;
}

/**
 * The form's problems above it, each a link to its field (NL Design System form guidance); focused after a failed
 * submit so screen reader users hear what to fix.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: ErrorSummaryItem[]; title?: string }>(
  function ErrorSummary({ items, title = 'Controleer de volgende gegevens' }, ref) {
    if (items.length === 0) return null;
    return (
      <div className="nf-error-summary" role="group" aria-labelledby="nf-error-summary-title" tabIndex={-1} ref={ref}>
        <Heading level={2} appearanceLevel={4} id="nf-error-summary-title">
          {title}
        </Heading>
        <ul>
          {items.map((item) => (
            <li key={item.target}>
              <a
                className="nl-link"
                href={`#${item.target}`}
                onClick={(event) => {
                  const field = document.getElementById(item.target);
                  if (!field) return;
                  event.preventDefault();
                  field.focus();
                }}
              >
                {item.label ? `${item.label}: ${item.message}` : item.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );
  },
);
