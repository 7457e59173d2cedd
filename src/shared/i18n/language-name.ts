/** A language's name in that language (`ko` → 한국어, `en` → English), or the tag itself if Intl has none. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
