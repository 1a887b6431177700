import { error, fail, redirect } from '@sveltejs/kit';
import type { Actor } from '$lib/server/auth/actor';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { listBehaviours } from '$lib/server/behaviours/directory';
import { modulesBuilding } from '$lib/server/behaviours/modules';
import { observationSource } from '$lib/server/behaviours/policy';
import { earliestObservedOn } from '$lib/server/behaviours/rules';
import {
	activePersonByEmail,
	createObservation,
	currentScale,
	observationSchema,
	observedPerson
} from '$lib/server/behaviours/observations';
import { calendarDate } from '$lib/server/learning/rules';
import { returnPath } from '$lib/server/return-path';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

/**
 * Where the form's back link leads: the page the person came from (`?from=`, set by the links that
 * open the form, kept through its steps), named after that page; My growth by default.
 */
function backLink(url: URL, person?: { id: string; name: string }) {
	const from = url.searchParams.get('from');
	const href = returnPath(from, url.origin, '/growth');
	const labels: Record<string, string> = { '/growth': m.growth_title() };
	if (person) {
		labels[`/people/${person.id}`] = person.name;
		labels[`/people/${person.id}/observations`] = m.growth_observations_of_person({ name: person.name });
	}
	// `from` is carried to the next step only when it is one Ripple would lead back to.
	return { href, label: labels[href] ?? m.growth_back(), from: href === '/growth' ? null : href };
}

/** The person written about and the source the observation will get; 404 for nobody one can write about. */
async function subjectFor(actor: Actor, personId: string) {
	const person = await observedPerson(db(), personId);
	const source = person ? observationSource(actor.scope, person) : null;
	if (!person || !source) error(404, m.growth_person_not_found());
	return { person, source };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const personId = url.searchParams.get('person');
	if (!personId) {
		// First step: who? By email, as recognition does, so nobody browses a directory they may not see.
		const email = url.searchParams.get('email')?.trim() ?? '';
		const back = backLink(url);
		if (email) {
			const found = await activePersonByEmail(db(), email);
			const keep = back.from ? `&from=${encodeURIComponent(back.from)}` : '';
			if (found) redirect(303, `/observations/new?person=${found.id}${keep}`);
		}
		return {
			step: 'who' as const,
			back,
			email,
			emailError: email ? m.growth_email_unknown() : null,
			me: actor.id
		};
	}
	const { person, source } = await subjectFor(actor, personId);
	const slug = url.searchParams.get('behaviour') ?? '';
	const [behaviours, chosen] = await Promise.all([listBehaviours(db()), slug ? currentScale(db(), slug) : undefined]);
	const today = calendarDate(new Date(), actor.timeZone);
	return {
		step: 'rate' as const,
		back: backLink(url, { id: person.personId, name: person.name }),
		person: { id: person.personId, name: person.name, teamName: person.teamName },
		source,
		behaviours: behaviours.map((b) => ({ slug: b.slug, label: b.label, valueName: b.valueName })),
		chosen: chosen
			? {
					slug: chosen.slug,
					label: chosen.label,
					description: chosen.description,
					anchors: chosen.anchors,
					version: chosen.version,
					current: true
				}
			: null,
		modules: chosen ? modulesBuilding(chosen.slug) : [],
		today,
		earliest: earliestObservedOn(today)
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const actor = requireActor(locals);
		const { person } = await subjectFor(actor, url.searchParams.get('person') ?? '');
		const parsed = await readForm(request, observationSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const now = new Date();
		const result = await createObservation(
			db(),
			actor,
			person.personId,
			parsed.data,
			calendarDate(now, actor.timeZone),
			now
		);
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/observations/${result.id}?saved=created`);
	}
};
