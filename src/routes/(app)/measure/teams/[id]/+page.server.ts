import { periodLabel } from '$lib/periods';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { confidenceLabel } from '$lib/server/scorecards/rules';
import { monthFromQuery, pickableMonths, scorecardsFor } from '$lib/server/scorecards/service';
import type { Measure } from '$lib/server/scorecards/scorecard';
import type { PageServerLoad } from './$types';

/** One team's balanced scorecard for a month; the layout has already checked the viewer may see the team. */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const actor = requireActor(locals);
	const { team } = await parent();
	const now = new Date();
	const month = monthFromQuery(url.searchParams.get('month'), now, actor.timeZone);
	const { cards, months, window } = await scorecardsFor(
		db(),
		[{ id: team.id, member_count: team.memberCount }],
		month,
		now
	);
	const card = cards.get(team.id)!;
	// A measure travels with its values alone (the months go once, and the chart and its table
	// work out the rest); only what the page shows is sent.
	const shape = (m: Measure) => ({
		id: m.id,
		name: m.name,
		unit: m.unit,
		direction: m.direction,
		target: m.target,
		value: m.value,
		status: m.status,
		missing: m.missing,
		fromCaseFeedback: m.fromCaseFeedback,
		series: m.series.map((p) => p.value)
	});
	return {
		month,
		monthLabel: periodLabel(month),
		months,
		pickable: pickableMonths(now, actor.timeZone),
		window: { first: periodLabel(window.first), last: periodLabel(window.last) },
		what: card.what.map(shape),
		experience: { ...card.experience, measures: card.experience.measures.map(shape) },
		how: {
			...card.how,
			confidenceLabel: confidenceLabel(card.how.confidence),
			behaviours: card.how.behaviours.map((b) => ({ ...b, confidenceLabel: confidenceLabel(b.confidence) }))
		},
		watermelon: card.watermelon
	};
};
