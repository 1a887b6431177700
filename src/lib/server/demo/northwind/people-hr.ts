/** HR Services: Payroll, Recruitment & Onboarding, HR Advisory. */
import { AMSTERDAM, HR_LEAD, KOLKATA, LONDON, nw, WARSAW, type DemoPerson } from './org';

// Managers, named once because their reports point at them.
const PAYROLL_MANAGER = nw('helen.murray');
const RECRUITMENT_MANAGER = nw('laura.rossi');
const ADVISORY_MANAGER = nw('michael.osei');

export const hrPeople: readonly DemoPerson[] = [
	// HR Services › Payroll
	{
		name: 'Helen Murray',
		email: PAYROLL_MANAGER,
		jobTitle: 'Payroll Manager',
		team: 'Payroll',
		manager: HR_LEAD,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'manager', team: 'Payroll' }]
	},
	{
		name: 'Marta Kamińska',
		email: nw('marta.kaminska'),
		jobTitle: 'Payroll Specialist',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Sanne Bakker',
		email: nw('sanne.bakker'),
		jobTitle: 'Payroll Administrator',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'James Okoro',
		email: nw('james.okoro'),
		jobTitle: 'Payroll Analyst',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Deepa Pillai',
		email: nw('deepa.pillai'),
		jobTitle: 'Payroll Specialist',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Thomas Müller',
		email: nw('thomas.muller'),
		jobTitle: 'Payroll & Benefits Specialist',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: 'Europe/Berlin',
		language: 'en'
	},

	// HR Services › Recruitment & Onboarding
	{
		name: 'Laura Rossi',
		email: RECRUITMENT_MANAGER,
		jobTitle: 'Talent Acquisition Manager',
		team: 'Recruitment & Onboarding',
		manager: HR_LEAD,
		timeZone: 'Europe/Rome',
		language: 'en',
		grants: [{ role: 'manager', team: 'Recruitment & Onboarding' }]
	},
	{
		name: 'Ben Carter',
		email: nw('ben.carter'),
		jobTitle: 'Recruiter',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Ayesha Khan',
		email: nw('ayesha.khan'),
		jobTitle: 'Recruitment Coordinator',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Jorge Fernández',
		email: nw('jorge.fernandez'),
		jobTitle: 'Onboarding Specialist',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: 'Europe/Madrid',
		language: 'en'
	},
	{
		name: 'Yuki Tanaka',
		email: nw('yuki.tanaka'),
		jobTitle: 'Recruiter, Asia Pacific',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: 'Asia/Tokyo',
		language: 'en'
	},
	{
		name: 'Noor Haddad',
		email: nw('noor.haddad'),
		jobTitle: 'Onboarding Coordinator',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: 'Asia/Dubai',
		language: 'en'
	},

	// HR Services › HR Advisory (also home to the service excellence lead who runs Ripple)
	{
		name: 'Michael Osei',
		email: ADVISORY_MANAGER,
		jobTitle: 'HR Advisory Manager',
		team: 'HR Advisory',
		manager: HR_LEAD,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'manager', team: 'HR Advisory' }]
	},
	{
		name: 'Amara Nwosu',
		email: 'admin@ripple.test',
		jobTitle: 'Learning & Service Excellence Lead',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'admin' }]
	},
	{
		name: 'Chloé Lefèvre',
		email: nw('chloe.lefevre'),
		jobTitle: 'HR Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: 'Europe/Paris',
		language: 'en'
	},
	{
		name: 'Sophie Janssen',
		email: nw('sophie.janssen'),
		jobTitle: 'HR Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Ricardo Silva',
		email: nw('ricardo.silva'),
		jobTitle: 'Employee Relations Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: 'Europe/Lisbon',
		language: 'en'
	},
	{
		name: 'Emily Walsh',
		email: nw('emily.walsh'),
		jobTitle: 'HR Policy Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: 'Europe/Dublin',
		language: 'en'
	}
];
