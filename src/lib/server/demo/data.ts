/**
 * The Northwind Group demo organisation: a shared-services company with finance, HR, IT and
 * customer operations, about eighty people. Pure data; `seed.ts` turns it into rows.
 *
 * References between records use natural keys (unit and team names, people's emails) so the
 * data reads like an org chart; the seeder resolves them to generated ids.
 */
import type { languages } from '../../locale';
import type { OrgUnitKind, TeamKind } from '../db/schema';
import type { Role } from '../people/rules';

/** Every demo person signs in with this; the sign-in page shows it when the demo is loaded. */
export const DEMO_PASSWORD = 'ripple-demo-2026';

export type LanguageCode = (typeof languages)[number]['code'];

export interface DemoAccount {
	email: string;
	role: Role;
	name: string;
	description: string;
}

/** One account per role, listed on the sign-in page so a visitor can try each point of view. */
export const demoAccounts: readonly DemoAccount[] = [
	{
		email: 'staff@ripple.test',
		role: 'staff',
		name: 'Priya Raman',
		description: 'Staff: Priya Raman, Accounts Payable Specialist in a back-office team'
	},
	{
		email: 'manager@ripple.test',
		role: 'manager',
		name: 'Tomasz Nowak',
		description: 'Manager: Tomasz Nowak, manages the Accounts Payable team'
	},
	{
		email: 'leader@ripple.test',
		role: 'leader',
		name: 'Hannah de Vries',
		description: 'Leader: Hannah de Vries, leads the Finance Shared Services department'
	},
	{
		email: 'admin@ripple.test',
		role: 'admin',
		name: 'Amara Nwosu',
		description: 'Admin: Amara Nwosu, Learning & Service Excellence Lead, runs Ripple'
	}
];

export interface DemoUnit {
	name: string;
	kind: OrgUnitKind;
	/** Name of the parent unit, listed earlier; null for the root. */
	parent: string | null;
}

export interface DemoTeam {
	name: string;
	kind: TeamKind;
	/** Name of the unit the team belongs to. */
	unit: string;
}

/** The granted roles and their scopes, as in `role_grants`: a team, a unit, or nothing. */
export type DemoGrant = { role: 'manager'; team: string } | { role: 'leader'; unit: string } | { role: 'admin' };

export interface DemoPerson {
	name: string;
	/** Lower-case ASCII, unique. */
	email: string;
	jobTitle: string;
	/** Name of the person's team. */
	team: string;
	/** Email of the line manager; null only for the company leader. */
	manager: string | null;
	timeZone: string;
	language: LanguageCode;
	grants?: readonly DemoGrant[];
}

const COMPANY = 'Northwind Group';
const FINANCE = 'Finance Shared Services';
const HR = 'HR Services';
const IT = 'IT & Digital';
const CUSTOMER = 'Customer Operations';

export const demoUnits: readonly DemoUnit[] = [
	{ name: COMPANY, kind: 'company', parent: null },
	{ name: FINANCE, kind: 'department', parent: COMPANY },
	{ name: HR, kind: 'department', parent: COMPANY },
	{ name: IT, kind: 'department', parent: COMPANY },
	{ name: CUSTOMER, kind: 'department', parent: COMPANY }
];

// The Service Desk serves colleagues rather than paying customers, but it is a front-line team
// judged on response and satisfaction, so it counts as customer-facing.
export const demoTeams: readonly DemoTeam[] = [
	{ name: 'Group Leadership Team', kind: 'back_office', unit: COMPANY },
	{ name: 'Accounts Payable', kind: 'back_office', unit: FINANCE },
	{ name: 'Accounts Receivable', kind: 'back_office', unit: FINANCE },
	{ name: 'General Ledger & Reporting', kind: 'back_office', unit: FINANCE },
	{ name: 'Payroll', kind: 'back_office', unit: HR },
	{ name: 'Recruitment & Onboarding', kind: 'back_office', unit: HR },
	{ name: 'HR Advisory', kind: 'back_office', unit: HR },
	{ name: 'Service Desk', kind: 'customer_facing', unit: IT },
	{ name: 'Infrastructure & Access', kind: 'back_office', unit: IT },
	{ name: 'Customer Care', kind: 'customer_facing', unit: CUSTOMER },
	{ name: 'Order Management', kind: 'customer_facing', unit: CUSTOMER },
	{ name: 'Field Sales Support', kind: 'customer_facing', unit: CUSTOMER }
];

const at = (local: string) => `${local}@northwind.example`;

// Leaders and managers, named once because their reports point at them.
const COO = at('jonathan.ashworth');
const FINANCE_LEAD = 'leader@ripple.test';
const HR_LEAD = at('kwame.mensah');
const IT_LEAD = at('rohan.mehta');
const CUSTOMER_LEAD = at('isabelle.laurent');
const AP_MANAGER = 'manager@ripple.test';
const AR_MANAGER = at('sarah.oconnor');
const GL_MANAGER = at('pieter.jansen');
const PAYROLL_MANAGER = at('helen.murray');
const RECRUITMENT_MANAGER = at('laura.rossi');
const ADVISORY_MANAGER = at('michael.osei');
const DESK_MANAGER_UK = at('mark.jenkins');
const DESK_MANAGER_IN = at('kavya.reddy');
const INFRA_MANAGER = at('erik.lindqvist');
const CARE_MANAGER_EU = at('natalie.brooks');
const CARE_MANAGER_US = at('carlos.mendoza');
const ORDERS_MANAGER = at('julia.schneider');
const SALES_SUPPORT_MANAGER = at('giulia.romano');

const LONDON = 'Europe/London';
const AMSTERDAM = 'Europe/Amsterdam';
const WARSAW = 'Europe/Warsaw';
const KOLKATA = 'Asia/Kolkata';
const NEW_YORK = 'America/New_York';

export const demoPeople: readonly DemoPerson[] = [
	// Group Leadership Team: the company leader and the four department leaders.
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
		language: 'fr',
		grants: [{ role: 'leader', unit: CUSTOMER }]
	},

	// Finance Shared Services › Accounts Payable
	{
		name: 'Tomasz Nowak',
		email: AP_MANAGER,
		jobTitle: 'Accounts Payable Manager',
		team: 'Accounts Payable',
		manager: FINANCE_LEAD,
		timeZone: WARSAW,
		language: 'pl',
		grants: [{ role: 'manager', team: 'Accounts Payable' }]
	},
	{
		name: 'Priya Raman',
		email: 'staff@ripple.test',
		jobTitle: 'Accounts Payable Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Agnieszka Kowalczyk',
		email: at('agnieszka.kowalczyk'),
		jobTitle: 'Accounts Payable Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Vikram Iyer',
		email: at('vikram.iyer'),
		jobTitle: 'Invoice Processing Analyst',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Emma Clarke',
		email: at('emma.clarke'),
		jobTitle: 'Supplier Relations Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Mateusz Zieliński',
		email: at('mateusz.zielinski'),
		jobTitle: 'Accounts Payable Analyst',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Lakshmi Narayanan',
		email: at('lakshmi.narayanan'),
		jobTitle: 'Invoice Processing Analyst',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Olena Shevchenko',
		email: at('olena.shevchenko'),
		jobTitle: 'Travel & Expenses Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},

	// Finance Shared Services › Accounts Receivable
	{
		name: "Sarah O'Connor",
		email: AR_MANAGER,
		jobTitle: 'Accounts Receivable Manager',
		team: 'Accounts Receivable',
		manager: FINANCE_LEAD,
		timeZone: 'Europe/Dublin',
		language: 'en',
		grants: [{ role: 'manager', team: 'Accounts Receivable' }]
	},
	{
		name: 'Joanna Wiśniewska',
		email: at('joanna.wisniewska'),
		jobTitle: 'Credit Controller',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Daniel Fischer',
		email: at('daniel.fischer'),
		jobTitle: 'Cash Applications Analyst',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: 'Europe/Berlin',
		language: 'de'
	},
	{
		name: 'Ananya Krishnan',
		email: at('ananya.krishnan'),
		jobTitle: 'Collections Specialist',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Lucas Martin',
		email: at('lucas.martin'),
		jobTitle: 'Billing Specialist',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: 'Europe/Paris',
		language: 'fr'
	},
	{
		name: 'Grace Thompson',
		email: at('grace.thompson'),
		jobTitle: 'Credit Controller',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},

	// Finance Shared Services › General Ledger & Reporting
	{
		name: 'Pieter Jansen',
		email: GL_MANAGER,
		jobTitle: 'Record to Report Manager',
		team: 'General Ledger & Reporting',
		manager: FINANCE_LEAD,
		timeZone: AMSTERDAM,
		language: 'nl',
		grants: [{ role: 'manager', team: 'General Ledger & Reporting' }]
	},
	{
		name: 'Mei Lin Chen',
		email: at('meilin.chen'),
		jobTitle: 'Financial Reporting Analyst',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: AMSTERDAM,
		language: 'zh'
	},
	{
		name: 'Oliver Bennett',
		email: at('oliver.bennett'),
		jobTitle: 'Senior Accountant',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Katarzyna Lewandowska',
		email: at('katarzyna.lewandowska'),
		jobTitle: 'General Ledger Accountant',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Arjun Sharma',
		email: at('arjun.sharma'),
		jobTitle: 'Reconciliations Analyst',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: KOLKATA,
		language: 'hi'
	},
	{
		name: 'Fatima Al-Sayed',
		email: at('fatima.al-sayed'),
		jobTitle: 'Fixed Assets Accountant',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: LONDON,
		language: 'ar'
	},

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
		email: at('marta.kaminska'),
		jobTitle: 'Payroll Specialist',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Sanne Bakker',
		email: at('sanne.bakker'),
		jobTitle: 'Payroll Administrator',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'James Okoro',
		email: at('james.okoro'),
		jobTitle: 'Payroll Analyst',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Deepa Pillai',
		email: at('deepa.pillai'),
		jobTitle: 'Payroll Specialist',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Thomas Müller',
		email: at('thomas.muller'),
		jobTitle: 'Payroll & Benefits Specialist',
		team: 'Payroll',
		manager: PAYROLL_MANAGER,
		timeZone: 'Europe/Berlin',
		language: 'de'
	},

	// HR Services › Recruitment & Onboarding
	{
		name: 'Laura Rossi',
		email: RECRUITMENT_MANAGER,
		jobTitle: 'Talent Acquisition Manager',
		team: 'Recruitment & Onboarding',
		manager: HR_LEAD,
		timeZone: 'Europe/Rome',
		language: 'it',
		grants: [{ role: 'manager', team: 'Recruitment & Onboarding' }]
	},
	{
		name: 'Ben Carter',
		email: at('ben.carter'),
		jobTitle: 'Recruiter',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Ayesha Khan',
		email: at('ayesha.khan'),
		jobTitle: 'Recruitment Coordinator',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Jorge Fernández',
		email: at('jorge.fernandez'),
		jobTitle: 'Onboarding Specialist',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: 'Europe/Madrid',
		language: 'es'
	},
	{
		name: 'Yuki Tanaka',
		email: at('yuki.tanaka'),
		jobTitle: 'Recruiter, Asia Pacific',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: 'Asia/Tokyo',
		language: 'ja'
	},
	{
		name: 'Noor Haddad',
		email: at('noor.haddad'),
		jobTitle: 'Onboarding Coordinator',
		team: 'Recruitment & Onboarding',
		manager: RECRUITMENT_MANAGER,
		timeZone: 'Asia/Dubai',
		language: 'ar'
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
		email: at('chloe.lefevre'),
		jobTitle: 'HR Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: 'Europe/Paris',
		language: 'fr'
	},
	{
		name: 'Sophie Janssen',
		email: at('sophie.janssen'),
		jobTitle: 'HR Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Ricardo Silva',
		email: at('ricardo.silva'),
		jobTitle: 'Employee Relations Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: 'Europe/Lisbon',
		language: 'pt'
	},
	{
		name: 'Emily Walsh',
		email: at('emily.walsh'),
		jobTitle: 'HR Policy Advisor',
		team: 'HR Advisory',
		manager: ADVISORY_MANAGER,
		timeZone: 'Europe/Dublin',
		language: 'en'
	},

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
		email: at('aisha.bello'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Liam Murphy',
		email: at('liam.murphy'),
		jobTitle: 'Senior Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: 'Europe/Dublin',
		language: 'en'
	},
	{
		name: 'Piotr Wójcik',
		email: at('piotr.wojcik'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Jan de Jong',
		email: at('jan.dejong'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_UK,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Rahul Verma',
		email: at('rahul.verma'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_IN,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Sneha Joshi',
		email: at('sneha.joshi'),
		jobTitle: 'Service Desk Analyst',
		team: 'Service Desk',
		manager: DESK_MANAGER_IN,
		timeZone: KOLKATA,
		language: 'hi'
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
		email: at('adebayo.ogunleye'),
		jobTitle: 'Identity & Access Analyst',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Nikhil Rao',
		email: at('nikhil.rao'),
		jobTitle: 'Cloud Engineer',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Natalia Dąbrowska',
		email: at('natalia.dabrowska'),
		jobTitle: 'Access Management Specialist',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'David Cohen',
		email: at('david.cohen'),
		jobTitle: 'Network Engineer',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: NEW_YORK,
		language: 'en'
	},
	{
		name: 'Marco Bianchi',
		email: at('marco.bianchi'),
		jobTitle: 'Systems Administrator',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: 'Europe/Rome',
		language: 'it'
	},
	{
		name: 'Tariq Mahmood',
		email: at('tariq.mahmood'),
		jobTitle: 'Security Operations Analyst',
		team: 'Infrastructure & Access',
		manager: INFRA_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},

	// Customer Operations › Customer Care: two managers, Europe and the Americas.
	{
		name: 'Natalie Brooks',
		email: CARE_MANAGER_EU,
		jobTitle: 'Customer Care Manager, Europe',
		team: 'Customer Care',
		manager: CUSTOMER_LEAD,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'manager', team: 'Customer Care' }]
	},
	{
		name: 'Carlos Mendoza',
		email: CARE_MANAGER_US,
		jobTitle: 'Customer Care Manager, Americas',
		team: 'Customer Care',
		manager: CUSTOMER_LEAD,
		timeZone: NEW_YORK,
		language: 'es',
		grants: [{ role: 'manager', team: 'Customer Care' }]
	},
	{
		name: 'Jessica Taylor',
		email: at('jessica.taylor'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Mohammed Rahman',
		email: at('mohammed.rahman'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Lucía García',
		email: at('lucia.garcia'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: 'Europe/Madrid',
		language: 'es'
	},
	{
		name: 'Femke Visser',
		email: at('femke.visser'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Siobhan Kelly',
		email: at('siobhan.kelly'),
		jobTitle: 'Complaints Resolution Specialist',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: 'Europe/Dublin',
		language: 'en'
	},
	{
		name: 'Wei Zhang',
		email: at('wei.zhang'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: 'Asia/Shanghai',
		language: 'zh'
	},
	{
		name: 'Ashley Robinson',
		email: at('ashley.robinson'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_US,
		timeZone: NEW_YORK,
		language: 'en'
	},
	{
		name: 'Gabriela Santos',
		email: at('gabriela.santos'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_US,
		timeZone: 'America/Sao_Paulo',
		language: 'pt'
	},

	// Customer Operations › Order Management
	{
		name: 'Julia Schneider',
		email: ORDERS_MANAGER,
		jobTitle: 'Order Management Manager',
		team: 'Order Management',
		manager: CUSTOMER_LEAD,
		timeZone: 'Europe/Berlin',
		language: 'de',
		grants: [{ role: 'manager', team: 'Order Management' }]
	},
	{
		name: 'Ravi Patel',
		email: at('ravi.patel'),
		jobTitle: 'Order Management Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Ewa Mazur',
		email: at('ewa.mazur'),
		jobTitle: 'Order Processing Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: WARSAW,
		language: 'pl'
	},
	{
		name: 'Kenji Watanabe',
		email: at('kenji.watanabe'),
		jobTitle: 'Order Management Analyst',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: 'Asia/Tokyo',
		language: 'ja'
	},
	{
		name: 'Lena Schmidt',
		email: at('lena.schmidt'),
		jobTitle: 'Order Processing Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: 'Europe/Berlin',
		language: 'de'
	},
	{
		name: 'Tyler Johnson',
		email: at('tyler.johnson'),
		jobTitle: 'Order Management Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: 'America/Chicago',
		language: 'en'
	},

	// Customer Operations › Field Sales Support
	{
		name: 'Giulia Romano',
		email: SALES_SUPPORT_MANAGER,
		jobTitle: 'Sales Support Manager',
		team: 'Field Sales Support',
		manager: CUSTOMER_LEAD,
		timeZone: 'Europe/Rome',
		language: 'it',
		grants: [{ role: 'manager', team: 'Field Sales Support' }]
	},
	{
		name: 'Samuel Adjei',
		email: at('samuel.adjei'),
		jobTitle: 'Sales Support Coordinator',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Maria Oliveira',
		email: at('maria.oliveira'),
		jobTitle: 'Sales Operations Analyst',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: 'Europe/Lisbon',
		language: 'pt'
	},
	{
		name: 'Nathalie Girard',
		email: at('nathalie.girard'),
		jobTitle: 'Sales Support Coordinator',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: 'Europe/Paris',
		language: 'fr'
	},
	{
		name: 'Ahmed Hassan',
		email: at('ahmed.hassan'),
		jobTitle: 'Quotations Specialist',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: 'Africa/Cairo',
		language: 'ar'
	},
	{
		name: 'Megan Reilly',
		email: at('megan.reilly'),
		jobTitle: 'Sales Support Coordinator',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: NEW_YORK,
		language: 'en'
	}
];
