import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { mayReadPack } from '$lib/server/learning/pack';
import { moduleProgress } from '$lib/server/learning/service';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import type { PackKind } from '$lib/learning/pack';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** Why a pack document is not for this person (only the two guides are kept to some people). */
function refusal(kind: PackKind): string {
	if (kind === 'manager-guide') return m.learn_pack_manager_guide_only();
	if (kind === 'facilitator-guide') return m.learn_pack_facilitator_guide_only();
	return '';
}

/** A document of the module's blended-delivery pack, for whoever it is meant for. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const kind = params.doc as PackKind;
	const mod = requireFound(findModule(params.module), m.learn_module_not_found());
	const doc = requireFound(mod.pack[kind], m.learn_pack_not_found());
	requireAllowed(mayReadPack(actor.scope, kind), refusal(kind));
	return {
		doc: { kind, title: doc.title },
		// The takeaways end with the module's sources.
		references: kind === 'takeaways' ? mod.references : [],
		// After the takeaways comes the check: say where the learner stands with it.
		passedCheck: kind === 'takeaways' ? (await moduleProgress(db(), actor.id, mod)).passedCheck : null
	};
};
