/**
 * The comment area's final place and heading. Posting arrives with reader accounts ([Comments]);
 * until then it says plainly that comments are not open.
 */
export function CommentsArea({ count }: { count: number }) {
  return (
    <section class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments <span class="comment-count">{count}</span>
      </h2>
      <p class="empty-note">Comments are not open on this story yet.</p>
    </section>
  );
}
