import { error, fail, redirect } from '@sveltejs/kit';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { listBehaviours } from '$lib/server/behaviours/directory';
import { modulesBuilding } from '$lib/server/behaviours/modules';
import { earliestObservedOn } from '$lib/server/behaviours/rules';
import {
	currentScale,
	observationForViewer,
	observationSchema,
	scaleByVersion,
	updateObservation
} from '$lib/server/behaviours/observations';
import { calendarDate } from '$lib/server/learning/rules';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

const notFound = () => m.growth_observation_not_found();
const onlyAuthor = () => m.growth_only_author_edits();

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const found = requireFound(await observationForViewer(db(), actor.scope, params.id), notFound());
	requireAllowed(found.access.edit, onlyAuthor());
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
			label: m.growth_behaviour_archived_option({ label: o.behaviour.label }),
			valueName: o.behaviour.valueName
		});
	const today = calendarDate(new Date(), actor.timeZone);
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
	default: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		// The author is checked before the form is read.
		const found = requireFound(await observationForViewer(db(), actor.scope, params.id), notFound());
		requireAllowed(found.access.edit, onlyAuthor());
		const parsed = await readForm(request, observationSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const now = new Date();
		const result = await updateObservation(db(), actor, params.id, parsed.data, calendarDate(now, actor.timeZone), now);
		if (!result.ok) {
			if (result.errors._form) error(404, notFound());
			return fail(400, { values: parsed.values, errors: worded(result.errors) });
		}
		redirect(303, `/observations/${params.id}?saved=updated`);
	}
};
