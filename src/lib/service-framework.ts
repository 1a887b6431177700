/**
 * The client interaction framework a team assesses itself against: nine components of how a
 * shared-service team runs its relationship with the internal customers it serves. Shared by the
 * assessment form, its chart and the server's validation.
 */
export const serviceComponents = [
	{
		key: 'account_management',
		short: 'Accounts',
		label: 'Account management',
		explanation: 'Each customer area has a named contact on our side who knows its needs and speaks for it.'
	},
	{
		key: 'contact_management',
		short: 'Contacts',
		label: 'Contact management',
		explanation: 'Customers know how to reach us, requests land in one place and nobody is passed around.'
	},
	{
		key: 'service_partnership_agreement',
		short: 'Agreement',
		label: 'Service partnership agreement',
		explanation: 'What we deliver, by when and what we need from customers is agreed in writing and reviewed.'
	},
	{
		key: 'client_feedback',
		short: 'Feedback',
		label: 'Client feedback',
		explanation: 'We ask customers how each request went, read every answer and tell them what changed.'
	},
	{
		key: 'continuous_improvement',
		short: 'Improvement',
		label: 'Continuous improvement',
		explanation: 'Problems and ideas become small, tracked changes, and we check that the change helped.'
	},
	{
		key: 'process_documentation',
		short: 'Documentation',
		label: 'Process documentation',
		explanation: 'Our procedures are written down, current and easy for a newcomer or a customer to follow.'
	},
	{
		key: 'performance_measurement',
		short: 'Measurement',
		label: 'Performance measurement on both sides',
		explanation: 'We measure our service and the customer’s side of the bargain, such as complete and timely inputs.'
	},
	{
		key: 'performance_reporting',
		short: 'Reporting',
		label: 'Performance reporting',
		explanation: 'Results go to customers regularly, in plain words, with the story behind the numbers.'
	},
	{
		key: 'recharging',
		short: 'Recharging',
		label: 'Recharging',
		explanation: 'Customers understand what the service costs them and how the charge is worked out.'
	}
] as const;

export type ServiceComponentKey = (typeof serviceComponents)[number]['key'];

export const serviceComponentKeys: readonly ServiceComponentKey[] = serviceComponents.map((c) => c.key);

/** What each point on the 1-5 scale means, whichever component is rated. */
export const maturityLevels = [
	{ score: 1, label: 'Not in place', description: 'Nothing agreed yet; it depends on who you ask.' },
	{ score: 2, label: 'Starting', description: 'Some pieces exist but are informal or patchy.' },
	{ score: 3, label: 'Working', description: 'In place and mostly followed, with gaps we know about.' },
	{ score: 4, label: 'Established', description: 'Followed consistently and reviewed with customers.' },
	{ score: 5, label: 'Leading', description: 'Embedded, measured and improved; others learn from it.' }
] as const;

export function componentLabel(key: string): string {
	return serviceComponents.find((c) => c.key === key)?.label ?? key;
}
