import { qrCode } from '$lib/server/learning/certificate-qr';
import { requireActor } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const actor = requireActor(locals);
	const { state } = await parent();
	const verifyUrl = state.completion ? `${url.origin}/verify/${state.completion.verification_code}` : null;
	return {
		name: locals.user?.name ?? '',
		completion: state.completion,
		isNew: url.searchParams.has('new'),
		timeZone: actor.timeZone,
		verifyUrl,
		// Drawn on the server: the QR encoder stays out of the browser's bundle.
		qr: verifyUrl ? qrCode(verifyUrl) : null
	};
};
