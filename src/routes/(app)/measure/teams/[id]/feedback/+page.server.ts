import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { objectIdOf, readForm } from '$lib/server/forms';
import { feedbackLinkStatus, MIN_RESPONSES } from '$lib/server/feedback/rules';
import {
	caseLinkSchema,
	closeLink,
	createCaseLink,
	currentStandingLink,
	experienceTrend,
	issueStandingLink,
	listTeamLinks,
	listTeamResponses,
	type IssuedLink
} from '$lib/server/feedback/service';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { measuredTeam } from '$lib/server/scorecards/teams';
import { feedbackMailto, storedReasons } from '$lib/feedback';
import { formatDate } from '$lib/locale';
import { pageFrom } from '$lib/paging';
import { periodOf } from '$lib/periods';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

const LINKS_PER_PAGE = 10;
const RESPONSES_PER_PAGE = 10;

/** The page has two lists; the links use their own query parameter so each pages on its own. */
function linksPageFrom(url: URL) {
	return pageFrom(new URL(`?page=${encodeURIComponent(url.searchParams.get('links') ?? '')}`, url), LINKS_PER_PAGE);
}

/** Links and comments are for the team's managers and admins; leaders see only the scorecard's aggregates. */
export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const actor = requireActor(locals);
	const { access, team } = await parent();
	requireAllowed(access.manage, m.measure_feedback_managers_only());
	const now = new Date();
	const thisMonth = periodOf('month', now.toISOString().slice(0, 10));
	const linksPage = linksPageFrom(url);
	const responsesPage = pageFrom(url, RESPONSES_PER_PAGE);
	const [trend, links, responses, standing] = await Promise.all([
		experienceTrend(db(), team.id, thisMonth, 12),
		listTeamLinks(db(), team.id, linksPage),
		listTeamResponses(db(), team.id, responsesPage),
		currentStandingLink(db(), team.id, now)
	]);
	return {
		trend,
		links: {
			rows: links.rows.map((l) => ({ ...l, status: feedbackLinkStatus(l, now) })),
			total: links.total,
			page: linksPage.page,
			pageSize: LINKS_PER_PAGE
		},
		responses: {
			rows: responses.rows.map((r) => ({ ...r, reasons: storedReasons(r.reasons) })),
			total: responses.total,
			page: responsesPage.page,
			pageSize: RESPONSES_PER_PAGE
		},
		standing: standing ? { createdAt: standing.created_at, expiresAt: standing.expires_at } : null,
		minimum: MIN_RESPONSES,
		timeZone: actor.timeZone,
		saved: url.searchParams.get('saved')
	};
};

/** Actions cannot read the layout's data, so they check the team and the right to manage it again. */
async function managedTeam(locals: App.Locals, teamId: string) {
	const actor = requireActor(locals);
	const { team, access } = requireFound(await measuredTeam(db(), actor, teamId), m.measure_team_not_found());
	requireAllowed(access.manage, m.measure_feedback_managers_only());
	return { actor, team };
}

function shown(issued: IssuedLink, url: URL) {
	return { url: `${url.origin}/feedback/${issued.token}`, expiresAt: issued.expiresAt.toISOString() };
}

export const actions: Actions = {
	case: async ({ locals, params, request, url }) => {
		const { team, actor } = await managedTeam(locals, params.id);
		const parsed = await readForm(request, caseLinkSchema);
		if (!parsed.ok) return fail(400, { form: 'case' as const, values: parsed.values, errors: parsed.errors });
		const now = new Date();
		const issued = await createCaseLink(db(), actor, team.id, parsed.data, now);
		const link = shown(issued, url);
		const email = parsed.data.requester_email;
		return {
			created: {
				kind: 'case' as const,
				reference: parsed.data.case_reference,
				...link,
				// Only this response ever carries the requester's address: it is not shown again.
				mailto: email
					? feedbackMailto({
							email,
							reference: parsed.data.case_reference,
							teamName: team.name,
							url: link.url,
							expiresOn: formatDate(link.expiresAt, actor.timeZone)
						})
					: null,
				email: email || null
			}
		};
	},
	standing: async ({ locals, params, url }) => {
		const { team, actor } = await managedTeam(locals, params.id);
		const issued = await issueStandingLink(db(), actor, team.id, new Date());
		return {
			created: { kind: 'standing' as const, reference: null, ...shown(issued, url), mailto: null, email: null }
		};
	},
	close: async ({ locals, params, request }) => {
		const { team, actor } = await managedTeam(locals, params.id);
		const linkId = objectIdOf(await request.formData(), 'link_id');
		const result = await closeLink(db(), actor, team.id, linkId, new Date());
		if (!result.ok) return fail(400, { form: 'close' as const, errors: worded(result.errors) });
		redirect(303, `/measure/teams/${team.id}/feedback?saved=closed#links`);
	}
};
