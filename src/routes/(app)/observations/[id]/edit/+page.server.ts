import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { listBehaviours } from '$lib/server/behaviours/queries';
import { modulesBuilding } from '$lib/server/behaviours/modules';
import { earliestObservedOn } from '$lib/server/behaviours/observation-rules';
import {
	currentScale,
	observationForViewer,
	observationSchema,
	scaleByVersion,
	updateObservation
} from '$lib/server/behaviours/observations';
import { calendarDate } from '$lib/server/learning/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const found = await observationForViewer(db(), user.scope, params.id);
	if (!found?.access.edit) error(404, 'We could not find that observation.');
	const o = found.observation;
	// The same behaviour keeps the scale it was rated on; another one brings its current scale.
	const slug = url.searchParams.get('behaviour') || o.behaviour.slug;
	const [active, scale] = await Promise.all([
		listBehaviours(db()),
		slug === o.behaviour.slug ? scaleByVersion(db(), o.version.id) : currentScale(db(), slug)
	]);
	const behaviours = active.map((b) => ({ slug: b.slug, label: b.label, valueName: b.valueName }));
	if (!behaviours.some((b) => b.slug === o.behaviour.slug))
		behaviours.unshift({
			slug: o.behaviour.slug,
			label: `${o.behaviour.label} (archived)`,
			valueName: o.behaviour.valueName
		});
	const today = calendarDate(new Date(), user.timeZone);
	return {
		observation: o,
		behaviours,
		chosen: scale
			? {
					slug: scale.slug,
					label: scale.label,
					description: scale.description,
					anchors: scale.anchors,
					version: scale.version,
					current: scale.current
				}
			: null,
		modules: scale ? modulesBuilding(scale.slug) : [],
		values: {
			level: String(o.level),
			situation: o.situation,
			action: o.action,
			impact: o.impact,
			observed_on: o.observedOn
		},
		today,
		// An old observation keeps its date; only a new date has to be recent.
		earliest: o.observedOn < earliestObservedOn(today) ? o.observedOn : earliestObservedOn(today)
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const user = requireUser(locals);
		const parsed = parseForm(observationSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const now = new Date();
		const result = await updateObservation(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope, timeZone: user.timeZone },
			params.id,
			parsed.data,
			calendarDate(now, user.timeZone),
			now
		);
		if (!result.ok) {
			if (result.errors._form) error(404, 'We could not find that observation.');
			return fail(400, { values: parsed.values, errors: result.errors });
		}
		redirect(303, `/observations/${params.id}?saved=updated`);
	}
};
