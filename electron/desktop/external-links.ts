/**
 * Links the app may open in the system browser: https only, no credentials in the URL. Anything
 * else (file:, javascript:, custom protocols) is refused, so a crafted link in a template or an
 * order field cannot launch a program.
 */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname.includes('.');
}
