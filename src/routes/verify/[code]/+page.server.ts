import { db } from '$lib/server/db';
import { verifyCertificate } from '$lib/server/learning/service';
import type { PageServerLoad } from './$types';

/** Public: confirms a certificate with only the name, module, version and date. */
export const load: PageServerLoad = async ({ params }) => {
	return verifyCertificate(db(), params.code);
};
