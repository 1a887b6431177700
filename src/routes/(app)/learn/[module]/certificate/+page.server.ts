import { qrCode } from '$lib/server/learning/certificate-qr';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { moduleStates } from '$lib/server/learning/service';
import { findModule } from '$lib/server/learning/content';
import { asLocale } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent, url }) => {
	const actor = requireActor(locals);
	await parent(); // the module exists
	const state = (await moduleStates(db(), actor.id)).get(params.module)!;
	const verifyUrl = state.completion ? `${url.origin}/verify/${state.completion.verification_code}` : null;
	return {
		name: locals.user?.name ?? '',
		completion: state.completion,
		// The certificate names the module in the language it was earned in.
		certificateTitle: state.completion
			? {
					text: findModule(params.module, asLocale(state.completion.locale))?.title ?? params.module,
					locale: state.completion.locale
				}
			: null,
		isNew: url.searchParams.has('new'),
		timeZone: actor.timeZone,
		verifyUrl,
		// Drawn on the server: the QR encoder stays out of the browser's bundle.
		qr: verifyUrl ? qrCode(verifyUrl) : null
	};
};
