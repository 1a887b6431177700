import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { completionByCode } from '$lib/server/learning/queries';
import type { PageServerLoad } from './$types';

/** Public: confirms a certificate with only the name, module, version and date. */
export const load: PageServerLoad = async ({ params }) => {
	const code = params.code.trim().toUpperCase();
	const found = /^[A-Z2-7]{5}-[A-Z2-7]{5}$/.test(code) ? await completionByCode(db(), code) : undefined;
	if (!found) return { code, certificate: null };
	return {
		code,
		certificate: {
			name: found.name,
			module: findModule(found.module_slug)?.title ?? found.module_slug,
			version: found.module_version,
			completedOn: found.completed_at.slice(0, 10)
		}
	};
};
