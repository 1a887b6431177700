import { describe, expect, it } from 'vitest';
import { canSeePerson, hasRole } from './policy';
import { isUnitWithin, rolesOf, type Placement, type Scope } from './rules';

/*
 * The organisation used below:
 *
 *   /co/                      company
 *   /co/fin/                  Finance (department)
 *   /co/fin/pay/              Payables (nested sub-unit)   team t-ap
 *   /co/fin/                                               team t-gl
 *   /co/hr/                   HR (sibling department)      team t-hr
 *   /co/finance-x/            a sibling whose id starts like "fin"
 */
const paths = {
	company: '/co/',
	finance: '/co/fin/',
	payables: '/co/fin/pay/',
	hr: '/co/hr/'
};

const placement = (personId: string, teamId: string | null, unitPath: string | null): Placement => ({
	personId,
	teamId,
	unitPath
});

const people = {
	ap: placement('p-ap', 't-ap', paths.payables),
	gl: placement('p-gl', 't-gl', paths.finance),
	hr: placement('p-hr', 't-hr', paths.hr),
	loner: placement('p-loner', null, null)
};

const scope = (overrides: Partial<Scope> & { personId: string }): Scope => ({
	isAdmin: false,
	managedTeamIds: [],
	ledUnitPaths: [],
	...overrides
});

describe('canSeePerson', () => {
	it('lets everyone see themselves, even without a team', () => {
		expect(canSeePerson(scope({ personId: 'p-ap' }), people.ap)).toBe(true);
		expect(canSeePerson(scope({ personId: 'p-loner' }), people.loner)).toBe(true);
	});

	it('hides everyone else from plain staff', () => {
		const staff = scope({ personId: 'p-ap' });
		expect(canSeePerson(staff, people.gl)).toBe(false);
		expect(canSeePerson(staff, people.hr)).toBe(false);
		expect(canSeePerson(staff, people.loner)).toBe(false);
	});

	it('lets a manager see their own team only', () => {
		const manager = scope({ personId: 'm', managedTeamIds: ['t-gl'] });
		expect(canSeePerson(manager, people.gl)).toBe(true);
		expect(canSeePerson(manager, people.ap)).toBe(false);
		expect(canSeePerson(manager, people.hr)).toBe(false);
		expect(canSeePerson(manager, people.loner)).toBe(false);
	});

	it('lets a manager of several teams see all of them', () => {
		const manager = scope({ personId: 'm', managedTeamIds: ['t-gl', 't-hr'] });
		expect(canSeePerson(manager, people.gl)).toBe(true);
		expect(canSeePerson(manager, people.hr)).toBe(true);
		expect(canSeePerson(manager, people.ap)).toBe(false);
	});

	it('lets a leader see their whole subtree, nested units included, but not sibling departments', () => {
		const leader = scope({ personId: 'l', ledUnitPaths: [paths.finance] });
		expect(canSeePerson(leader, people.gl)).toBe(true);
		expect(canSeePerson(leader, people.ap)).toBe(true);
		expect(canSeePerson(leader, people.hr)).toBe(false);
		expect(canSeePerson(leader, people.loner)).toBe(false);
	});

	it('does not let a leader of a nested unit see its parent unit', () => {
		const leader = scope({ personId: 'l', ledUnitPaths: [paths.payables] });
		expect(canSeePerson(leader, people.ap)).toBe(true);
		expect(canSeePerson(leader, people.gl)).toBe(false);
	});

	it('does not confuse a sibling whose id starts with the same letters', () => {
		const leader = scope({ personId: 'l', ledUnitPaths: [paths.finance] });
		expect(canSeePerson(leader, placement('p-x', 't-x', '/co/finance-x/'))).toBe(false);
	});

	it('lets a company leader see every placed person but not the person without a team', () => {
		const leader = scope({ personId: 'l', ledUnitPaths: [paths.company] });
		expect(canSeePerson(leader, people.ap)).toBe(true);
		expect(canSeePerson(leader, people.gl)).toBe(true);
		expect(canSeePerson(leader, people.hr)).toBe(true);
		expect(canSeePerson(leader, people.loner)).toBe(false);
	});

	it('lets an admin see everyone, including people without a team', () => {
		const admin = scope({ personId: 'a', isAdmin: true });
		for (const target of Object.values(people)) expect(canSeePerson(admin, target)).toBe(true);
	});
});

describe('isUnitWithin', () => {
	it('is true for the unit itself and its descendants only', () => {
		expect(isUnitWithin(paths.finance, paths.finance)).toBe(true);
		expect(isUnitWithin(paths.payables, paths.finance)).toBe(true);
		expect(isUnitWithin(paths.finance, paths.payables)).toBe(false);
		expect(isUnitWithin(paths.hr, paths.finance)).toBe(false);
	});
});

describe('rolesOf', () => {
	it('is staff only for a person without grants', () => {
		expect(rolesOf(scope({ personId: 'p' }))).toEqual(['staff']);
	});

	it('lists each role held, in a fixed order', () => {
		expect(rolesOf(scope({ personId: 'p', managedTeamIds: ['t-gl'] }))).toEqual(['staff', 'manager']);
		expect(rolesOf(scope({ personId: 'p', ledUnitPaths: [paths.hr] }))).toEqual(['staff', 'leader']);
		expect(rolesOf(scope({ personId: 'p', isAdmin: true }))).toEqual(['staff', 'admin']);
		expect(
			rolesOf(scope({ personId: 'p', isAdmin: true, managedTeamIds: ['t-gl', 't-hr'], ledUnitPaths: [paths.finance] }))
		).toEqual(['staff', 'manager', 'leader', 'admin']);
	});

	it('backs hasRole', () => {
		const manager = scope({ personId: 'p', managedTeamIds: ['t-gl'] });
		expect(hasRole(manager, 'staff')).toBe(true);
		expect(hasRole(manager, 'manager')).toBe(true);
		expect(hasRole(manager, 'leader')).toBe(false);
		expect(hasRole(manager, 'admin')).toBe(false);
	});
});
