import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A newsroom table: a caption (visible, or for screen readers only), one header row of column
 * names, and the rows the caller renders. `wrap` puts it in the scrolling wrapper used for wide
 * tables on small screens; such a table needs a caption, which names the wrapper.
 */
export function DataTable({
  class: className,
  caption,
  captionHidden = false,
  columns,
  wrap = false,
  children,
}: {
  class: string;
  /** Left out for a table that a heading right above already names. */
  caption?: ComponentChildren;
  captionHidden?: boolean;
  columns: readonly string[];
  wrap?: boolean;
  children: ComponentChildren;
}) {
  const captionId = useId();
  const table = (
    <table class={className}>
      {caption !== undefined && (
        <caption id={wrap ? captionId : undefined} class={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
      )}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (!wrap) return table;
  // A wrapper that scrolls sideways must take keyboard focus, or a keyboard user cannot reach the
  // columns off screen; a focusable group needs a name, so it says what it holds: the caption.
  return (
    <div class="newsroom-table-wrap" role="group" tabIndex={0} aria-labelledby={caption !== undefined ? captionId : undefined}>
      {table}
    </div>
  );
}
