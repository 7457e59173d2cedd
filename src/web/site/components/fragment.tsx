import { Fragment, h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * HTML this server rendered itself, put back into a page as it is. preact-render-to-string writes
 * the strings of a Fragment's `tpl` verbatim (the form precompiled JSX takes), with no wrapper
 * element and no second escaping, so the page is byte for byte what rendering the component in
 * place gives. Never for text from outside: it is not escaped here.
 */
function renderedHtml(html: string): VNode {
  return h(Fragment, { tpl: [html] } as Record<string, unknown>);
}

interface Rendered {
  html: string;
  inputs: readonly unknown[];
}

/** Per owner, beyond this many variants of a fragment nothing more is kept (they render as usual). */
const MAX_VARIANTS_PER_OWNER = 64;

/**
 * Parts every page repeats (the masthead, the footer, the ranked lists), rendered to HTML once and
 * reused while what they are made of stays the same. Their inputs are immutable snapshots replaced
 * whole when content changes (the site context, a list snapshot's stories), so a fragment is kept
 * beside the object it was made from, in a WeakMap: a new snapshot renders anew, the old fragments
 * go with the old snapshot, and nothing needs purging. `variant` names what else the markup
 * depends on (a list's title, the year in the footer).
 */
export class FragmentCache<Owner extends object> {
  private readonly byOwner = new WeakMap<Owner, Map<string, Rendered>>();

  /**
   * The fragment `build` makes, from the cache when this owner's `variant` was made from the very
   * same `inputs` (compared by identity: snapshots are never changed in place).
   */
  render(owner: Owner, variant: string, build: () => VNode, inputs: readonly unknown[] = []): VNode {
    let variants = this.byOwner.get(owner);
    const known = variants?.get(variant);
    if (known && known.inputs.length === inputs.length && known.inputs.every((input, index) => input === inputs[index])) {
      return renderedHtml(known.html);
    }
    const node = build();
    if (!variants) this.byOwner.set(owner, (variants = new Map<string, Rendered>()));
    if (!known && variants.size >= MAX_VARIANTS_PER_OWNER) return node;
    const html = renderToString(node);
    variants.set(variant, { html, inputs });
    return renderedHtml(html);
  }
}
