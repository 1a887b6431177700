import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { lookupLink } from '$lib/server/feedback/service';
import { linkProblem } from '$lib/feedback';
import type { PageServerLoad } from './$types';

/** The thank-you page reveals nothing beyond the team's name, which the link already showed. */
export const load: PageServerLoad = async ({ params, url }) => {
	const lookup = await lookupLink(db(), params.token, new Date());
	if (lookup.status === 'unknown') error(404, linkProblem('unknown'));
	return {
		teamName: lookup.link.teamName,
		kind: lookup.link.kind,
		// Set by the form after a standing-link answer took the place of the person's earlier one.
		replaced: lookup.link.kind === 'standing' && url.searchParams.has('replaced')
	};
};
