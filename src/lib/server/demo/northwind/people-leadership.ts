/** The Group Leadership Team: the company leader and the four department leaders. */
import {
	AMSTERDAM,
	COMPANY,
	CUSTOMER,
	CUSTOMER_LEAD,
	FINANCE,
	FINANCE_LEAD,
	HR,
	HR_LEAD,
	IT,
	IT_LEAD,
	LONDON,
	nw,
	type DemoPerson
} from './org';

// The company leader, named once because the department leaders report to them.
const COO = nw('jonathan.ashworth');

export const leadershipPeople: readonly DemoPerson[] = [
	{
		name: 'Jonathan Ashworth',
		email: COO,
		jobTitle: 'Chief Operating Officer',
		team: 'Group Leadership Team',
		manager: null,
		timeZone: LONDON,
		language: 'en',
		grants: [
			{ role: 'leader', unit: COMPANY },
			{ role: 'manager', team: 'Group Leadership Team' }
		]
	},
	{
		name: 'Hannah de Vries',
		email: FINANCE_LEAD,
		jobTitle: 'Director, Finance Shared Services',
		team: 'Group Leadership Team',
		manager: COO,
		timeZone: AMSTERDAM,
		language: 'nl',
		grants: [{ role: 'leader', unit: FINANCE }]
	},
	{
		name: 'Kwame Mensah',
		email: HR_LEAD,
		jobTitle: 'Director, HR Services',
		team: 'Group Leadership Team',
		manager: COO,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'leader', unit: HR }]
	},
	{
		name: 'Rohan Mehta',
		email: IT_LEAD,
		jobTitle: 'Chief Information Officer',
		team: 'Group Leadership Team',
		manager: COO,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'leader', unit: IT }]
	},
	{
		name: 'Isabelle Laurent',
		email: CUSTOMER_LEAD,
		jobTitle: 'Director, Customer Operations',
		team: 'Group Leadership Team',
		manager: COO,
		timeZone: 'Europe/Paris',
		language: 'en',
		grants: [{ role: 'leader', unit: CUSTOMER }]
	}
];
