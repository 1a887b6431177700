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
	const shape = (m: Measure) => ({ ...m, trendHasData: m.series.some((p) => p.value !== null) });
	return {
		month,
		monthLabel: periodLabel(month),
		months,
		pickable: pickableMonths(now, actor.timeZone).map((m) => ({ value: m, label: periodLabel(m) })),
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
