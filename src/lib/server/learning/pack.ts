import type { Scope } from '../people/rules';
import { packKinds, type PackKind } from '../../learning/pack';
import type { ModuleEntry } from './content';
import { canReadFacilitatorGuide, canReadManagerGuide } from './policy';

/**
 * A module's blended-delivery pack (content/README.md): the takeaways and job aid for every
 * learner, the manager guide for those who lead people, the facilitator guide for those who may
 * run the topic as a lunch-and-learn.
 */
export function mayReadPack(scope: Scope, kind: PackKind): boolean {
	if (kind === 'manager-guide') return canReadManagerGuide(scope);
	if (kind === 'facilitator-guide') return canReadFacilitatorGuide(scope);
	return true;
}

/** The pack documents a module has that this person may open, with their titles. */
export function packFor(mod: ModuleEntry, scope: Scope): { kind: PackKind; title: string }[] {
	return packKinds.flatMap((kind) => {
		const doc = mod.pack[kind];
		return doc && mayReadPack(scope, kind) ? [{ kind, title: doc.title }] : [];
	});
}
