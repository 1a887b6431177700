import { error, fail, redirect } from '@sveltejs/kit';
import { isPeriod, periodLabel, periodOf, periodsEndingWith } from '$lib/periods';
import { serviceComponents } from '$lib/service-framework';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { getTeam } from '$lib/server/org/queries';
import { teamAccess } from '$lib/server/scorecards/access';
import {
	assessmentComparison,
	assessmentFor,
	assessmentHistory,
	assessmentSchema,
	saveAssessment,
	scoresFromForm
} from '$lib/server/scorecards/assessment';
import type { Actions, PageServerLoad } from './$types';

const thisQuarter = (timeZone: string) => periodOf('quarter', calendarDate(new Date(), timeZone));

function chosenQuarter(raw: string | null, current: string): string {
	return raw && isPeriod('quarter', raw) && raw <= current ? raw : current;
}

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const user = requireUser(locals);
	const { team, access } = await parent();
	if (!access.assess) error(404, 'We could not find that page.');
	const current = thisQuarter(user.timeZone);
	const quarter = chosenQuarter(url.searchParams.get('quarter'), current);
	const [assessment, comparison, history] = await Promise.all([
		assessmentFor(db(), team.id, quarter),
		assessmentComparison(db(), { id: team.id, unitPath: team.unitPath }, quarter),
		assessmentHistory(db(), team.id)
	]);
	return {
		quarter,
		quarterLabel: periodLabel(quarter),
		timeZone: user.timeZone,
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
	default: async ({ locals, params, request, getClientAddress }) => {
		const user = requireUser(locals);
		const team = await getTeam(db(), params.id);
		if (!team || !teamAccess(user.scope, team).assess) error(404, 'We could not find that page.');
		const form = await request.formData();
		// saveAssessment refuses a quarter that is malformed or still to come.
		const quarter = String(form.get('quarter') ?? '');
		const parsed = parseForm(assessmentSchema, form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await saveAssessment(
			db(),
			{ id: user.id, ip: getClientAddress() },
			team,
			quarter,
			scoresFromForm(parsed.data),
			new Date(),
			thisQuarter(user.timeZone)
		);
		if (!result.ok) return fail(400, { values: parsed.values, errors: result.errors });
		redirect(303, `/measure/teams/${team.id}/assessment?quarter=${quarter}&saved=1`);
	}
};
