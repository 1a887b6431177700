import { m } from './paraglide/messages.js';

/**
 * The client interaction framework a team assesses itself against: nine components of how a
 * shared-service team runs its relationship with the internal customers it serves. Shared by the
 * assessment form, its chart and the server's validation.
 *
 * The wording is read in the current language whenever a label is used (the getters call a message),
 * so read `label`, `short` and `explanation` where they are shown, never at module level.
 */
interface Wording {
	label: () => string;
	short: () => string;
	explanation: () => string;
}

function component<const K extends string>(key: K, wording: Wording) {
	return {
		key,
		get label() {
			return wording.label();
		},
		get short() {
			return wording.short();
		},
		get explanation() {
			return wording.explanation();
		}
	};
}

export const serviceComponents = [
	component('account_management', {
		label: m.growth_component_account_management,
		short: m.growth_component_account_management_short,
		explanation: m.growth_component_account_management_about
	}),
	component('contact_management', {
		label: m.growth_component_contact_management,
		short: m.growth_component_contact_management_short,
		explanation: m.growth_component_contact_management_about
	}),
	component('service_partnership_agreement', {
		label: m.growth_component_service_partnership_agreement,
		short: m.growth_component_service_partnership_agreement_short,
		explanation: m.growth_component_service_partnership_agreement_about
	}),
	component('client_feedback', {
		label: m.growth_component_client_feedback,
		short: m.growth_component_client_feedback_short,
		explanation: m.growth_component_client_feedback_about
	}),
	component('continuous_improvement', {
		label: m.growth_component_continuous_improvement,
		short: m.growth_component_continuous_improvement_short,
		explanation: m.growth_component_continuous_improvement_about
	}),
	component('process_documentation', {
		label: m.growth_component_process_documentation,
		short: m.growth_component_process_documentation_short,
		explanation: m.growth_component_process_documentation_about
	}),
	component('performance_measurement', {
		label: m.growth_component_performance_measurement,
		short: m.growth_component_performance_measurement_short,
		explanation: m.growth_component_performance_measurement_about
	}),
	component('performance_reporting', {
		label: m.growth_component_performance_reporting,
		short: m.growth_component_performance_reporting_short,
		explanation: m.growth_component_performance_reporting_about
	}),
	component('recharging', {
		label: m.growth_component_recharging,
		short: m.growth_component_recharging_short,
		explanation: m.growth_component_recharging_about
	})
] as const;

export type ServiceComponentKey = (typeof serviceComponents)[number]['key'];

export const serviceComponentKeys: readonly ServiceComponentKey[] = serviceComponents.map((c) => c.key);

function level<const S extends number>(score: S, label: () => string, description: () => string) {
	return {
		score,
		get label() {
			return label();
		},
		get description() {
			return description();
		}
	};
}

/** What each point on the 1-5 scale means, whichever component is rated. */
export const maturityLevels = [
	level(1, m.growth_maturity_1, m.growth_maturity_1_about),
	level(2, m.growth_maturity_2, m.growth_maturity_2_about),
	level(3, m.growth_maturity_3, m.growth_maturity_3_about),
	level(4, m.growth_maturity_4, m.growth_maturity_4_about),
	level(5, m.growth_maturity_5, m.growth_maturity_5_about)
] as const;

/** A component's name in the current language; the key itself for one Ripple does not know. */
export function componentLabel(key: string): string {
	return serviceComponents.find((c) => c.key === key)?.label ?? key;
}

/** A component's short name (chart axes, narrow table heads) in the current language. */
export function componentShort(key: string): string {
	return serviceComponents.find((c) => c.key === key)?.short ?? key;
}

/** What a component means, in the current language. */
export function componentExplanation(key: string): string {
	return serviceComponents.find((c) => c.key === key)?.explanation ?? '';
}

/** The name of a point on the 1-5 maturity scale ("Not in place" … "Leading"), in the current language. */
export function maturityLabel(score: number): string {
	return maturityLevels.find((l) => l.score === score)?.label ?? String(score);
}

/** What a point on the 1-5 maturity scale means, in the current language. */
export function maturityDescription(score: number): string {
	return maturityLevels.find((l) => l.score === score)?.description ?? '';
}
