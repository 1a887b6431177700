/** The shared list of skills and topics people can learn or offer in the buddy programme. */
export const buddyTopics = [
	'Excel',
	'Escalations',
	'Month-end close',
	'Supplier management',
	'Customer calls',
	'Complaints',
	'Payroll',
	'Reporting',
	'Data analysis',
	'Process improvement',
	'Writing clearly',
	'Presenting',
	'Coaching',
	'ERP systems',
	'Service desk tools',
	'Negotiation',
	'Planning and prioritising',
	'Onboarding new starters'
] as const;

export const healthLabel = {
	never_met: 'Never met',
	quiet: 'Gone quiet',
	on_track: 'On track'
} as const;

export const fitLabel = {
	good: 'A good fit',
	unsure: 'Not sure yet',
	repair: 'Please re-pair us'
} as const;
