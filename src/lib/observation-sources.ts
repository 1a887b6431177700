import { m } from './paraglide/messages.js';

/**
 * Where an observation comes from, decided by who writes about whom (see the behaviours policy):
 * the observed person's manager, a colleague, or the person themselves.
 */
export const observationSources = ['manager', 'peer', 'self'] as const;
export type ObservationSourceKey = (typeof observationSources)[number];

/** The source as people read it, in the current language: "Manager", "Peer", "Self-rating". */
export function observationSourceLabel(source: ObservationSourceKey): string {
	switch (source) {
		case 'manager':
			return m.growth_source_manager();
		case 'peer':
			return m.growth_source_peer();
		case 'self':
			return m.growth_source_self();
	}
}
