import { error } from '@sveltejs/kit';
import { packComponent } from '$lib/learning/components';
import type { PackKind } from '$lib/learning/pack';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, params }) => {
	const component = await packComponent(params.module, params.doc as PackKind);
	if (!component) error(404, 'This module has no such document.');
	return { ...data, component };
};
