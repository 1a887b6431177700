/**
 * The Northwind Group demo organisation: a shared-services company with finance, HR, IT and
 * customer operations, about eighty people. This file holds its units and teams and the names the
 * people files share; `people.ts` lists everyone. Pure data; `../seed.ts` turns it into rows.
 *
 * References between records use natural keys (unit and team names, people's emails) so the
 * data reads like an org chart; the seeder resolves them to generated ids.
 */
import type { languages } from '../../../locale';
import type { OrgUnitKind, TeamKind } from '../../db/schema';

export type LanguageCode = (typeof languages)[number]['code'];

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

export const COMPANY = 'Northwind Group';
export const FINANCE = 'Finance Shared Services';
export const HR = 'HR Services';
export const IT = 'IT & Digital';
export const CUSTOMER = 'Customer Operations';

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
	// Hannah de Vries's teams in the Eindhoven centre work in Dutch, the Dalian team in Chinese.
	{ name: 'Intercompany & Consolidation', kind: 'back_office', unit: FINANCE },
	{ name: 'Accounts Payable Asia Pacific', kind: 'back_office', unit: FINANCE },
	{ name: 'Payroll', kind: 'back_office', unit: HR },
	{ name: 'Recruitment & Onboarding', kind: 'back_office', unit: HR },
	{ name: 'HR Advisory', kind: 'back_office', unit: HR },
	{ name: 'Service Desk', kind: 'customer_facing', unit: IT },
	{ name: 'Infrastructure & Access', kind: 'back_office', unit: IT },
	{ name: 'Customer Care', kind: 'customer_facing', unit: CUSTOMER },
	{ name: 'Order Management', kind: 'customer_facing', unit: CUSTOMER },
	{ name: 'Field Sales Support', kind: 'customer_facing', unit: CUSTOMER }
];

/** A Northwind colleague's email address, from the part before the @. */
export const nw = (local: string) => `${local}@northwind.example`;

// Department leaders, named once because their departments' managers report to them.
export const FINANCE_LEAD = 'leader@ripple.test';
export const HR_LEAD = nw('kwame.mensah');
export const IT_LEAD = nw('rohan.mehta');
export const CUSTOMER_LEAD = nw('isabelle.laurent');

export const LONDON = 'Europe/London';
export const AMSTERDAM = 'Europe/Amsterdam';
export const WARSAW = 'Europe/Warsaw';
export const KOLKATA = 'Asia/Kolkata';
export const NEW_YORK = 'America/New_York';
/** Dalian keeps China Standard Time, as Shanghai does. */
export const DALIAN = 'Asia/Shanghai';
