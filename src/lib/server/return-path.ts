/**
 * Where to send someone back to, from a path the request supplied (`?redirectTo=`, a form's
 * `return` field). Parsed against Ripple's own origin and kept only if it stays there, so the
 * answer can never be an open redirect; browsers drop tabs and line breaks from addresses, which
 * is how `/\t/evil.example` would otherwise become `//evil.example`, so any control character
 * sends the person home (or to the `home` the caller names). Every redirect to, or link back to, a
 * caller-supplied path goes through here.
 */
export function returnPath(raw: string | null | undefined, origin: string | URL, home = '/'): string {
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (!raw || !raw.startsWith('/') || /[\u0000-\u001F\u007F]/.test(raw)) return home;
	let target: URL;
	try {
		target = new URL(raw, origin);
	} catch {
		return home;
	}
	if (target.origin !== new URL(origin).origin) return home;
	return `${target.pathname}${target.search}${target.hash}`;
}
