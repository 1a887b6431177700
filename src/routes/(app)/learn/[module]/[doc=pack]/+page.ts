import { error } from '@sveltejs/kit';
import { packComponent } from '$lib/learning/components';
import type { PackKind } from '$lib/learning/pack';
import type { PageLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageLoad = async ({ data, params, parent }) => {
	const { module } = await parent();
	const component = await packComponent(params.module, params.doc as PackKind, module.locale);
	if (!component) error(404, m.learn_pack_not_found());
	return { ...data, component };
};
