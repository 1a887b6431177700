import { db } from '$lib/server/db';
import { deliveryDetail } from '$lib/server/notifications/admin';
import { requireAdmin, requireFound } from '$lib/server/policy';
import type { RequestHandler } from './$types';

/**
 * The HTML part of an email as it was written, for an admin to look at. It is shown as its own
 * document under a policy that runs nothing and loads nothing from elsewhere.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireAdmin(locals);
	const { delivery } = requireFound(await deliveryDetail(db(), params.id));
	const html = requireFound(delivery.html_body);
	return new Response(html, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
			'cache-control': 'no-store'
		}
	});
};
