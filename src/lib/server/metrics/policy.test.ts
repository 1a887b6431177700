import { describe, expect, it } from 'vitest';
import { teamAccess } from './policy';

const team = { id: 'ap', unit_path: '/co/fin/' };
const base = { personId: 'p', isAdmin: false, managedTeamIds: [] as string[], ledUnitPaths: [] as string[] };

describe('teamAccess', () => {
	it('lets the team manager see and manage', () => {
		expect(teamAccess({ ...base, managedTeamIds: ['ap'] }, team)).toEqual({ see: true, manage: true, assess: true });
	});

	it('lets a leader above see and assess but not manage', () => {
		expect(teamAccess({ ...base, ledUnitPaths: ['/co/'] }, team)).toEqual({ see: true, manage: false, assess: true });
	});

	it('gives a manager of another team and a leader of another unit nothing', () => {
		expect(teamAccess({ ...base, managedTeamIds: ['ar'], ledUnitPaths: ['/co/hr/'] }, team)).toEqual({
			see: false,
			manage: false,
			assess: false
		});
	});

	it('lets admins do everything', () => {
		expect(teamAccess({ ...base, isAdmin: true }, team)).toEqual({ see: true, manage: true, assess: true });
	});
});
