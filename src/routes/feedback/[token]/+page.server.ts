import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { answerValues, parseAnswer } from '$lib/server/feedback/answer';
import { lookupLink, submitAnswer } from '$lib/server/feedback/service';
import { linkProblems } from '$lib/feedback';
import type { Actions, PageServerLoad } from './$types';

/**
 * A standing link takes many answers, so it cannot refuse a second one outright. This cookie,
 * scoped to the link's own path and kept for a few minutes, stops the trivial repeats: a
 * refresh that re-posts the form, or the back button and submit again. It holds nothing but
 * "sent"; someone determined can still answer twice, which is why measures wait for 5 answers.
 */
const SENT_COOKIE = 'ripple_feedback_sent';
const SENT_SECONDS = 5 * 60;

const statuses = { unknown: 404, expired: 410, closed: 410, answered: 409 } as const;

/** Every way a link can be unusable ends on the feedback error page with its own status. */
function refuse(reason: keyof typeof statuses): never {
	error(statuses[reason], linkProblems[reason]);
}

function sentCookiePath(token: string): string {
	return `/feedback/${token}`;
}

function recentlySent(cookies: Cookies): boolean {
	return cookies.get(SENT_COOKIE) === '1';
}

export const load: PageServerLoad = async ({ params, cookies }) => {
	const lookup = await lookupLink(db(), params.token, new Date());
	if (lookup.status !== 'open') refuse(lookup.status);
	const { link } = lookup;
	return {
		link: { kind: link.kind, teamName: link.teamName, caseReference: link.caseReference },
		recentlySent: link.kind === 'standing' && recentlySent(cookies)
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url }) => {
		const now = new Date();
		const lookup = await lookupLink(db(), params.token, now);
		if (lookup.status !== 'open') refuse(lookup.status);
		const { link } = lookup;
		const values = answerValues(await request.formData());
		if (link.kind === 'standing' && recentlySent(cookies)) redirect(303, `${url.pathname}/thanks`);
		const parsed = parseAnswer(values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const outcome = await submitAnswer(db(), params.token, parsed.answer, now);
		// Another answer, or the team closing the link, can win the race since the check above.
		if (!outcome.ok) refuse(outcome.reason);
		if (link.kind === 'standing') {
			cookies.set(SENT_COOKIE, '1', {
				path: sentCookiePath(params.token),
				maxAge: SENT_SECONDS,
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:'
			});
		}
		redirect(303, `${url.pathname}/thanks`);
	}
};
