/** IT & Digital: the Service Desk and Infrastructure & Access. */
import { AMSTERDAM, IT_LEAD, KOLKATA, LONDON, NEW_YORK, nw, WARSAW, type DemoPerson } from './org';

// Managers, named once because their reports point at them.
const DESK_MANAGER_UK = nw('mark.jenkins');
const DESK_MANAGER_IN = nw('kavya.reddy');
const INFRA_MANAGER = nw('erik.lindqvist');

export const itPeople: readonly DemoPerson[] = [
	// IT & Digital › Service Desk: two managers, one per hub, each with their own analysts.
	{
		name: 'Mark Jenkins',
		email: DESK_MANAGER_UK,
		jobTitle: 'Service Desk Manager',
		team: 'Service Desk',
		manager: IT_LEAD,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'manager', team: 'Service Desk' }]
	},
	{
		name: 'Kavya Reddy',
		email: DESK_MANAGER_IN,
		jobTitle: 'Service Desk Manager, India Hub',
		team: 'Service Desk',
		manager: IT_LEAD,
		timeZone: KOLKATA,
		language: 'en',
		grants: [{ role: 'manager', team: 'Service Desk' }]
	},
	{
		name: 'Aisha Bello',
		email: nw('aisha.bello'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Liam Murphy',
		email: nw('liam.murphy'),
		jobTitle: 'Senior Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: 'Europe/Dublin',
		language: 'en'
	},
	{
		name: 'Piotr Wójcik',
		email: nw('piotr.wojcik'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Jan de Jong',
		email: nw('jan.dejong'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Rahul Verma',
		email: nw('rahul.verma'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_IN,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Sneha Joshi',
		email: nw('sneha.joshi'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_IN,
		timeZone: KOLKATA,
		language: 'en'
	},

	// IT & Digital › Infrastructure & Access
	{
		name: 'Erik Lindqvist',
		email: INFRA_MANAGER,
		jobTitle: 'Infrastructure Manager',
		team: 'Infrastructure & Access',
		manager: IT_LEAD,
		timeZone: 'Europe/Stockholm',
		language: 'en',
		grants: [{ role: 'manager', team: 'Infrastructure & Access' }]
	},
	{
		name: 'Adebayo Ogunleye',
		email: nw('adebayo.ogunleye'),
		jobTitle: 'Identity & Access Analyst',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Nikhil Rao',
		email: nw('nikhil.rao'),
		jobTitle: 'Cloud Engineer',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Natalia Dąbrowska',
		email: nw('natalia.dabrowska'),
		jobTitle: 'Access Management Specialist',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'David Cohen',
		email: nw('david.cohen'),
		jobTitle: 'Network Engineer',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: NEW_YORK,
		language: 'en'
	},
	{
		name: 'Marco Bianchi',
		email: nw('marco.bianchi'),
		jobTitle: 'Systems Administrator',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: 'Europe/Rome',
		language: 'en'
	},
	{
		name: 'Tariq Mahmood',
		email: nw('tariq.mahmood'),
		jobTitle: 'Security Operations Analyst',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: LONDON,
		language: 'en'
	}
];
