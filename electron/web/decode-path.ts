/** `decodeURIComponent` that answers null instead of throwing URIError on a bad `%` escape (`%ZZ`). */
export function decodePathPart(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
