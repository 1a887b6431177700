import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { mayReadPack } from '$lib/server/learning/pack';
import { moduleProgress } from '$lib/server/learning/service';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import type { PackKind } from '$lib/learning/pack';
import type { PageServerLoad } from './$types';

const refusals: Record<PackKind, string> = {
	takeaways: '',
	'job-aid': '',
	'manager-guide': 'The manager discussion guide is for people who lead a team.',
	'facilitator-guide': 'The facilitator guide is for people who plan lunch-and-learn sessions.'
};

/** A document of the module's blended-delivery pack, for whoever it is meant for. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const kind = params.doc as PackKind;
	const mod = requireFound(findModule(params.module), 'We could not find that module.');
	const doc = requireFound(mod.pack[kind], 'This module has no such document.');
	requireAllowed(mayReadPack(actor.scope, kind), refusals[kind]);
	return {
		doc: { kind, title: doc.title },
		// After the takeaways comes the check: say where the learner stands with it.
		passedCheck: kind === 'takeaways' ? (await moduleProgress(db(), actor.id, mod)).passedCheck : null
	};
};
