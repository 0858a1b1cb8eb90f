// Whether a request path, however it is spelled, points into the API: percent-encoded letters
// (`/%61pi/`), repeated slashes (`//api/`), dot segments (`/x/../api/`) and backslashes are
// normalised the way browsers and proxies might before the prefix is compared. Used only to choose
// the API's JSON 404 over the web app's page; access is decided on the matched route (auth/plugin.ts).

export function normalisedPath(url: string): string {
  const raw = url.split('?')[0]!.split('#')[0]!;
  let decoded = raw;
  // Decode repeatedly (double encoding `%2561`), at most a few rounds; a malformed escape stops it.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  const segments: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return '/' + segments.join('/');
}

export function looksLikeApiPath(url: string): boolean {
  const path = normalisedPath(url).toLowerCase();
  return path === '/api' || path.startsWith('/api/');
}
