import { error } from '@sveltejs/kit';
import { lessonComponent } from '$lib/learning/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, params }) => {
	const component = await lessonComponent(params.module, params.lesson);
	if (!component) error(404, 'We could not find that lesson.');
	return { ...data, component };
};
