import { introComponent } from '$lib/learning/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, params, parent }) => {
	const { module } = await parent();
	return { ...data, intro: await introComponent(params.module, module.locale) };
};
