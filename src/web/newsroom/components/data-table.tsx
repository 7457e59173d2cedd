import type { ComponentChildren } from 'preact';

/**
 * A newsroom table: a caption (visible, or for screen readers only), one header row of column
 * names, and the rows the caller renders. `wrap` puts it in the scrolling wrapper used for wide
 * tables on small screens.
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
  const table = (
    <table class={className}>
      {caption !== undefined && <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
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
  return wrap ? <div class="newsroom-table-wrap">{table}</div> : table;
}
