import { error } from '@sveltejs/kit';
import { lessonComponent } from '$lib/learning/components';
import type { PageLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageLoad = async ({ data, params }) => {
	const component = await lessonComponent(params.module, params.lesson);
	if (!component) error(404, m.learn_lesson_not_found());
	return { ...data, component };
};
