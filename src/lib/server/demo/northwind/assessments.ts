/** The demo teams' service-framework self-assessments: which teams assessed themselves, how often, and how they scored. */
import type { ServiceComponentKey } from '../../../service-framework';

/** Typical notes for a low (1-2), middling (3) or high (4-5) score on each component. */
export const componentNotes: Record<ServiceComponentKey, [string, string, string]> = {
	account_management: [
		'No named contact for most business units; requests arrive wherever people find an address.',
		'Named contacts for the larger business units; smaller ones still come through the shared inbox.',
		'Every business unit has a named relationship owner who meets them each quarter.'
	],
	contact_management: [
		'Several inboxes and phone numbers; customers are unsure where to go.',
		'One front door for most requests, but urgent cases still arrive by personal email.',
		'One front door with a clear route for urgent cases, published on the intranet.'
	],
	service_partnership_agreement: [
		'No written agreement; expectations are set case by case.',
		'An agreement exists but has not been reviewed with customers this year.',
		'Agreement reviewed with customers this year, including what we need from them.'
	],
	client_feedback: [
		'We only hear from customers when they complain.',
		'Feedback links go out on some cases; comments are read once a month.',
		'Feedback asked on every closed case and discussed at the weekly team meeting.'
	],
	continuous_improvement: [
		'Improvements happen when someone has time, which is rarely.',
		'A short improvement list, reviewed at the monthly team meeting.',
		'Improvements come from customer comments and are tracked to completion.'
	],
	process_documentation: [
		'Procedures mostly live in people’s heads.',
		'Key procedures written down; some are out of date.',
		'Procedures current, shared with neighbouring teams and used for cover.'
	],
	performance_measurement: [
		'We count volumes but measure neither our service nor what customers send us.',
		'Our SLAs are measured; the completeness and timeliness of what customers send us is not.',
		'We measure our SLAs and the customer’s side too, such as complete and on-time inputs, and review both together.'
	],
	performance_reporting: [
		'No regular reporting to customers.',
		'A monthly report goes out but is rarely discussed with customers.',
		'Monthly report reviewed with customers and actions agreed.'
	],
	recharging: [
		'Costs are not recharged, so customers do not see what their requests cost.',
		'Recharged as a flat allocation that customers find hard to relate to their use.',
		'Recharges follow usage, and customers can see what drives them.'
	]
};

export interface AssessmentStory {
	/** How many quarters, ending with the last complete one (or the current one when `current`). */
	quarters: number;
	current: boolean;
	/** Scores in `serviceComponentKeys` order: the first quarter assessed and the latest. */
	first: readonly number[];
	latest: readonly number[];
	/** Notes for the latest assessment where the team says something specific. */
	notes?: Partial<Record<ServiceComponentKey, string>>;
}

export const assessmentStories: Record<string, AssessmentStory> = {
	'Accounts Payable': {
		quarters: 5,
		current: true,
		first: [3, 3, 2, 2, 3, 3, 3, 3, 2],
		latest: [4, 4, 3, 4, 4, 4, 4, 4, 3],
		notes: {
			client_feedback:
				'Feedback links on every supplier and budget-holder query since the spring; comments reviewed on Mondays.',
			continuous_improvement:
				'The PO check on the invoice inbox and the new remittance template both came from customer comments.'
		}
	},
	'Accounts Receivable': {
		quarters: 5,
		current: true,
		first: [4, 3, 4, 2, 3, 3, 5, 4, 3],
		latest: [4, 3, 4, 2, 3, 4, 5, 5, 3],
		notes: {
			contact_management: 'Credit note requests come in by three routes, and Sales is unsure which one to use.',
			service_partnership_agreement:
				'The agreement with Sales sets response times for disputes, but says nothing about resolving them.',
			client_feedback:
				'We rely on the SLA report; we have not asked Sales or Customer Care how disputes feel from their side.',
			performance_measurement:
				'SLA attainment and first response tracked daily and green every month; incomplete requests from Sales are counted too.'
		}
	},
	'General Ledger & Reporting': {
		quarters: 5,
		current: true,
		first: [3, 3, 3, 3, 3, 4, 4, 3, 2],
		latest: [3, 3, 3, 3, 3, 5, 4, 4, 2],
		notes: {
			process_documentation: 'Close calendar shared with AP and AR; every task has an owner and a due day.',
			recharging: 'Reporting requests are not recharged, so ad hoc requests keep growing.'
		}
	},
	Payroll: { quarters: 4, current: false, first: [3, 3, 3, 2, 3, 3, 3, 3, 2], latest: [3, 4, 3, 3, 4, 4, 3, 3, 2] },
	'Service Desk': {
		quarters: 4,
		current: false,
		first: [4, 4, 4, 4, 3, 4, 4, 4, 4],
		latest: [4, 4, 5, 4, 4, 4, 5, 4, 4]
	},
	'Customer Care': {
		quarters: 4,
		current: false,
		first: [4, 4, 3, 4, 4, 3, 4, 3, 2],
		latest: [4, 5, 3, 5, 4, 3, 4, 4, 2]
	},
	'Order Management': {
		quarters: 2,
		current: false,
		first: [3, 4, 3, 3, 3, 3, 3, 3, 2],
		latest: [3, 4, 3, 3, 3, 3, 3, 3, 2]
	},
	'HR Advisory': {
		quarters: 2,
		current: false,
		first: [3, 3, 2, 3, 3, 4, 2, 3, 1],
		latest: [3, 3, 2, 3, 3, 4, 2, 3, 1]
	}
};
