import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { answerFormValues, answerValues, parseAnswer } from '$lib/server/feedback/answer';
import { earlierAnswer, lookupLink, submitAnswer } from '$lib/server/feedback/service';
import { linkProblem, tooManyAnswers } from '$lib/feedback';
import { formatDate } from '$lib/locale';
import type { Actions, PageServerLoad } from './$types';

const statuses = { unknown: 404, expired: 410, closed: 410, answered: 409 } as const;

/** Every way a link can be unusable ends on the feedback error page with its own status. */
function refuse(reason: keyof typeof statuses): never {
	error(statuses[reason], linkProblem(reason));
}

/**
 * A standing link counts each person once a month, so it is answered signed in; the sign-in page
 * brings them back here. Only the link's own path goes in `redirectTo`, which sign-in accepts only
 * as a same-origin path.
 */
function signInPath(url: URL): string {
	return `/login?redirectTo=${encodeURIComponent(url.pathname)}`;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const now = new Date();
	const lookup = await lookupLink(db(), params.token, now);
	if (lookup.status !== 'open') refuse(lookup.status);
	const { link } = lookup;
	const shown = { kind: link.kind, teamName: link.teamName, caseReference: link.caseReference };
	if (link.kind === 'case') return { link: shown, signIn: null, earlier: null };
	if (!locals.user) return { link: shown, signIn: signInPath(url), earlier: null };
	const earlier = await earlierAnswer(db(), params.token, locals.user.id, now);
	return {
		link: shown,
		signIn: null,
		earlier: earlier && {
			on: formatDate(earlier.submittedAt, locals.user.timeZone),
			values: answerFormValues(earlier.answer)
		}
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals, url, getClientAddress, setHeaders }) => {
		const now = new Date();
		const lookup = await lookupLink(db(), params.token, now);
		if (lookup.status !== 'open') refuse(lookup.status);
		// Nothing an anonymous client sends to a standing link is read: it is asked to sign in.
		if (lookup.link.kind === 'standing' && !locals.user) redirect(303, signInPath(url));
		const values = answerValues(await request.formData());
		const parsed = parseAnswer(values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const outcome = await submitAnswer(db(), params.token, parsed.answer, now, {
			personId: locals.user?.id ?? null,
			address: getClientAddress()
		});
		if (!outcome.ok) {
			if (outcome.reason === 'throttled') {
				setHeaders({ 'Retry-After': String(outcome.retryAfterSeconds) });
				return fail(429, { values, errors: { _form: tooManyAnswers(outcome.retryAfterSeconds) } });
			}
			if (outcome.reason === 'sign_in') redirect(303, signInPath(url));
			// Another answer, or the team closing the link, can win the race since the check above.
			refuse(outcome.reason);
		}
		redirect(303, `${url.pathname}/thanks${outcome.replaced ? '?replaced' : ''}`);
	}
};
