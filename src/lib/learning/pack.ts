import { m } from '../paraglide/messages';

/**
 * The documents of a module's blended-delivery pack (content/README.md), by kind: also the last
 * segment of their address, /learn/<module>/<kind>.
 */
export const packKinds = ['takeaways', 'job-aid', 'manager-guide', 'facilitator-guide'] as const;
export type PackKind = (typeof packKinds)[number];

export function isPackKind(value: string): value is PackKind {
	return (packKinds as readonly string[]).includes(value);
}

/** What a kind of pack document is for, shown beside its title: "one page for your desk". */
export function packHint(kind: PackKind): string {
	switch (kind) {
		case 'takeaways':
			return m.learn_pack_hint_takeaways();
		case 'job-aid':
			return m.learn_pack_hint_job_aid();
		case 'manager-guide':
			return m.learn_pack_hint_manager_guide();
		case 'facilitator-guide':
			return m.learn_pack_hint_facilitator_guide();
	}
}
