/**
 * What the large organisation is made of: division templates with their team functions, the
 * cities teams sit in, names, and the sentences its observations, feedback and Connect activity
 * draw from. Pure data; the phases pick from it with their seeded streams.
 */
import type { TeamKind } from '../../db/schema';

type Fn = readonly [name: string, kind: TeamKind];
export const B = 'back_office';
export const C = 'customer_facing';

/** Division templates; the first one is the leader account's (its first team the manager's). */
export const DIVISIONS: readonly { name: string; short: string; functions: readonly Fn[] }[] = [
	{
		name: 'Finance Shared Services',
		short: 'Finance',
		functions: [
			['Accounts Payable', B],
			['Accounts Receivable', B],
			['General Ledger', B],
			['Credit Control', B],
			['Travel & Expenses', B],
			['Finance Helpdesk', C]
		]
	},
	{
		name: 'HR Services',
		short: 'HR',
		functions: [
			['Payroll', B],
			['Recruitment', B],
			['Onboarding', B],
			['HR Advisory', B],
			['Employee Helpdesk', C],
			['Benefits', B]
		]
	},
	{
		name: 'IT & Digital',
		short: 'IT',
		functions: [
			['Service Desk', C],
			['Infrastructure', B],
			['Access Management', B],
			['Field Support', C],
			['Application Support', B]
		]
	},
	{
		name: 'Customer Operations',
		short: 'Customer Operations',
		functions: [
			['Customer Care', C],
			['Order Management', C],
			['Complaints', C],
			['Sales Support', C],
			['Returns', B]
		]
	},
	{
		name: 'Procurement & Supply',
		short: 'Procurement',
		functions: [
			['Purchasing', B],
			['Supplier Onboarding', B],
			['Logistics Desk', C],
			['Contract Management', B],
			['Vendor Helpdesk', C]
		]
	}
];

export const CITIES = [
	{ city: 'London', timeZone: 'Europe/London', language: 'en' },
	{ city: 'Kraków', timeZone: 'Europe/Warsaw', language: 'en' },
	{ city: 'Bengaluru', timeZone: 'Asia/Kolkata', language: 'en' },
	{ city: 'Amsterdam', timeZone: 'Europe/Amsterdam', language: 'nl' },
	{ city: 'Berlin', timeZone: 'Europe/Berlin', language: 'en' },
	{ city: 'Lisbon', timeZone: 'Europe/Lisbon', language: 'en' },
	{ city: 'Madrid', timeZone: 'Europe/Madrid', language: 'en' },
	{ city: 'Paris', timeZone: 'Europe/Paris', language: 'en' },
	{ city: 'Milan', timeZone: 'Europe/Rome', language: 'en' },
	{ city: 'New York', timeZone: 'America/New_York', language: 'en' },
	{ city: 'Shanghai', timeZone: 'Asia/Shanghai', language: 'zh-CN' },
	{ city: 'Tokyo', timeZone: 'Asia/Tokyo', language: 'en' },
	{ city: 'Dubai', timeZone: 'Asia/Dubai', language: 'en' },
	{ city: 'Pune', timeZone: 'Asia/Kolkata', language: 'en' }
] as const;

export const FIRST_NAMES = [
	'Aisha',
	'Ben',
	'Carlos',
	'Chloe',
	'Daniel',
	'Deepa',
	'Emma',
	'Erik',
	'Fatima',
	'Grace',
	'Hannah',
	'Ivan',
	'James',
	'Julia',
	'Kenji',
	'Lena',
	'Liam',
	'Lucia',
	'Marta',
	'Mateusz',
	'Mei',
	'Nikhil',
	'Noor',
	'Olena',
	'Oliver',
	'Pieter',
	'Priya',
	'Rahul',
	'Ricardo',
	'Sanne',
	'Sarah',
	'Sneha',
	'Sophie',
	'Tariq',
	'Thomas',
	'Wei',
	'Yuki',
	'Zofia'
];
export const LAST_NAMES = [
	'Adjei',
	'Bakker',
	'Bianchi',
	'Brooks',
	'Chen',
	'Clarke',
	'Cohen',
	'Dabrowska',
	'Fischer',
	'Garcia',
	'Haddad',
	'Iyer',
	'Jansen',
	'Khan',
	'Kowalczyk',
	'Laurent',
	'Lindqvist',
	'Martin',
	'Mensah',
	'Muller',
	'Murphy',
	'Nowak',
	'Okoro',
	'Oliveira',
	'Patel',
	'Reddy',
	'Rossi',
	'Santos',
	'Schmidt',
	'Sharma',
	'Silva',
	'Tanaka',
	'Visser',
	'Walsh',
	'Zhang'
];
export const ROLES = ['Specialist', 'Analyst', 'Coordinator', 'Advisor', 'Senior Specialist'];

export const SITUATIONS = [
	'During the month-end peak',
	'On a call with an upset requester',
	'When a request bounced between teams',
	'In the weekly queue review',
	'While covering for a colleague',
	'When a supplier escalated',
	'On the first day of a new process',
	'During a system outage'
];
export const ACTIONS = [
	'kept the requester updated until it was fixed',
	'took the case on and chased the other team',
	'explained the next steps in plain words',
	'spotted the root cause and fixed the template',
	'asked what the requester needed the answer for',
	'wrote down the workaround for the team',
	'handed over with a clear summary',
	'set a realistic date and met it'
];
export const IMPACTS = [
	'The requester did not have to chase.',
	'The case closed a day earlier.',
	'Fewer repeat contacts that week.',
	'The other team now sends cases directly.',
	'The customer got their answer first time.',
	'The backlog came down by a third.',
	'The new starter could follow it alone.'
];
export const RESPONSES = [
	'Thanks, that helps.',
	'Agreed; I will keep doing it.',
	'Good to hear, it was a team effort.',
	'I see it differently; happy to talk.'
];
export const FEEDBACK_COMMENTS = {
	good: ['Quick and clear, thank you.', 'Sorted first time.', 'Kept me posted throughout.'],
	poor: ['I had to chase twice.', 'Passed around three teams.', 'The answer did not fix it.', 'Took far too long.']
};
export const THANKS = [
	'Thank you for chasing this through to the end.',
	'Your update was clear, early and honest.',
	'You stayed calm and found a fix.',
	'Thanks for covering the queue during the peak.',
	'You spotted the problem before the customer did.',
	'Thank you for showing me how your team works.'
];
export const GOALS = [
	'See how my work lands in another part of the business.',
	'Learn how the front line uses our data.',
	'Build a contact in another department.',
	'Get better at explaining our process.'
];
export const SHADOW_OFFERS = [
	'Sit in on live calls during the morning peak.',
	'Follow a request from arrival to close.',
	'See how priorities are set at the daily huddle.',
	'Watch month-end close from the inside.'
];
export const OBJECTIVES = [
	'See which of our questions reach this team.',
	'Understand where requests get stuck.',
	'Learn what the screens show about our work.'
];
export const LUNCH_TOPICS = [
	'A day on the front line',
	'Month-end close in thirty minutes',
	'How tickets are triaged',
	'Reading a payslip like an employee',
	'Orders that go wrong, and why',
	'Writing requests that get solved first time'
];
export const ASSESSMENT_NOTES = [
	'Not agreed yet.',
	'Started with two teams.',
	'In place, reviewed quarterly.',
	'Embedded and measured.'
];
