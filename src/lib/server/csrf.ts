/**
 * Cross-site request forgery: a browser on another site can make a visitor's browser post a form
 * here, with the visitor's cookies. Such posts are refused, as SvelteKit does by default, with one
 * exception: the one-click unsubscribe link of an email (RFC 8058), which mail providers post
 * from their own servers. It is authorised by the signed token in its path alone, needs no
 * cookie, and can do nothing but turn one category of email off for one person.
 */

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[^/]+$/;

function isFormContentType(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

/** Whether to refuse this request as a form posted from another site. */
export function isForbiddenCrossSitePost(request: Request, url: URL): boolean {
	if (!UNSAFE_METHODS.includes(request.method)) return false;
	if (!isFormContentType(request)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(url.pathname));
}
