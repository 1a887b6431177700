import { db } from '$lib/server/db';
import { deliveryDetail } from '$lib/server/notifications/admin';
import { requireAdmin, requireFound } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireAdmin(locals);
	const { delivery, attempts } = requireFound(await deliveryDetail(db(), params.id));
	return {
		delivery: {
			id: delivery.id,
			person: delivery.person_name,
			personId: delivery.person_id,
			to: delivery.to_address,
			kind: delivery.kind,
			category: delivery.category,
			status: delivery.status,
			reason: delivery.reason,
			attempts: delivery.attempts,
			subject: delivery.subject,
			text: delivery.text_body,
			hasHtml: delivery.html_body !== null,
			calendar: delivery.calendar,
			locale: delivery.locale,
			createdAt: delivery.created_at,
			sentAt: delivery.sent_at,
			notBefore: delivery.not_before
		},
		attempts,
		timeZone: actor.timeZone
	};
};
