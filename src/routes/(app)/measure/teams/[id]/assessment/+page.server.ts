import { fail, redirect } from '@sveltejs/kit';
import { isPeriod, periodLabel, periodOf, periodsEndingWith } from '$lib/periods';
import { serviceComponents } from '$lib/service-framework';

import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { requireActor, requireFound } from '$lib/server/policy';
import {
	assessmentComparison,
	assessmentFor,
	assessmentHistory,
	assessmentSchema,
	saveAssessment,
	scoresFromForm
} from '$lib/server/scorecards/assessment';
import { measuredTeam } from '$lib/server/scorecards/teams';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

const thisQuarter = (timeZone: string) => periodOf('quarter', calendarDate(new Date(), timeZone));

function chosenQuarter(raw: string | null, current: string): string {
	return raw && isPeriod('quarter', raw) && raw <= current ? raw : current;
}

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const actor = requireActor(locals);
	// The layout has answered 404 for a team out of scope; everyone who sees a team may assess it.
	const { team } = await parent();
	const current = thisQuarter(actor.timeZone);
	const quarter = chosenQuarter(url.searchParams.get('quarter'), current);
	const [assessment, comparison, history] = await Promise.all([
		assessmentFor(db(), team.id, quarter),
		assessmentComparison(db(), { id: team.id, unitPath: team.unitPath }, quarter),
		assessmentHistory(db(), team.id)
	]);
	return {
		quarter,
		quarterLabel: periodLabel(quarter),
		timeZone: actor.timeZone,
		isCurrent: quarter === current,
		quarters: periodsEndingWith(current, 8)
			.reverse()
			.map((q) => ({ value: q, label: periodLabel(q) })),
		assessment,
		comparison: serviceComponents.map((c) => ({
			key: c.key,
			team: comparison.team[c.key].average,
			unit: comparison.unit[c.key].average,
			organisation: comparison.organisation[c.key].average
		})),
		teamsCompared: {
			unit: Math.max(...serviceComponents.map((c) => comparison.unit[c.key].teams)),
			organisation: Math.max(...serviceComponents.map((c) => comparison.organisation[c.key].teams))
		},
		history: history.map((h) => ({ ...h, label: periodLabel(h.period) })),
		saved: url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const { team } = requireFound(await measuredTeam(db(), actor, params.id), m.measure_team_not_found());
		const parsed = await readForm(request, assessmentSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const quarter = String(parsed.data.quarter);
		const result = await saveAssessment(
			db(),
			actor,
			team,
			quarter,
			scoresFromForm(parsed.data),
			new Date(),
			thisQuarter(actor.timeZone)
		);
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/measure/teams/${team.id}/assessment?quarter=${quarter}&saved=1`);
	}
};
