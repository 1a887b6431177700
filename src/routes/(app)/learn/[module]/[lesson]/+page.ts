import { error } from '@sveltejs/kit';
import { lessonComponent } from '$lib/learning/components';
import type { PageLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageLoad = async ({ data, params, parent }) => {
	const { module } = await parent();
	const component = await lessonComponent(params.module, params.lesson, module.locale);
	if (!component) error(404, m.learn_lesson_not_found());
	return { ...data, component };
};
