import { describe, expect, it } from 'vitest';
import type { Scope } from '../people/rules';
import { observationAccess, observationSource, seesAllObservationsOf, type ObservedPerson } from './policy';

const priya: ObservedPerson = {
	personId: 'priya',
	teamId: 'ap',
	unitPath: '/co/fin/',
	managerId: 'line',
	active: true
};
const scope = (personId: string, extra: Partial<Scope> = {}): Scope => ({
	personId,
	isAdmin: false,
	managedTeamIds: [],
	ledUnitPaths: [],
	...extra
});

const teamManager = scope('tomasz', { managedTeamIds: ['ap'] });
const lineManager = scope('line');
const otherManager = scope('carlos', { managedTeamIds: ['care'] });
const leaderAbove = scope('hannah', { ledUnitPaths: ['/co/fin/'] });
const leaderElsewhere = scope('olu', { ledUnitPaths: ['/co/ops/'] });
const admin = scope('amara', { isAdmin: true });
const peer = scope('jess');

describe('source derivation', () => {
	it('is self when writing about yourself', () => {
		expect(observationSource(scope('priya'), priya)).toBe('self');
		expect(observationSource(scope('priya', { managedTeamIds: ['ap'] }), priya)).toBe('self');
	});

	it('is manager for a manager of the team and for the line manager', () => {
		expect(observationSource(teamManager, priya)).toBe('manager');
		expect(observationSource(lineManager, priya)).toBe('manager');
	});

	it('is peer for everyone else, leaders and admins included', () => {
		expect(observationSource(peer, priya)).toBe('peer');
		expect(observationSource(otherManager, priya)).toBe('peer');
		expect(observationSource(leaderAbove, priya)).toBe('peer');
		expect(observationSource(admin, priya)).toBe('peer');
	});

	it('refuses observations about someone who has left', () => {
		expect(observationSource(teamManager, { ...priya, active: false })).toBeNull();
		expect(observationSource(peer, { ...priya, active: false })).toBeNull();
	});
});

describe('visibility', () => {
	const byPeer = { person: priya, authorId: 'jess', source: 'peer' as const };

	it('shows an observation to the person, their managers, leaders above, admins and the author', () => {
		for (const viewer of [scope('priya'), teamManager, lineManager, leaderAbove, admin, peer]) {
			expect(observationAccess(viewer, byPeer).see).toBe(true);
		}
	});

	it('hides it from other peers, managers of other teams and leaders elsewhere', () => {
		for (const viewer of [scope('someone'), otherManager, leaderElsewhere]) {
			expect(observationAccess(viewer, byPeer).see).toBe(false);
		}
	});

	it('shows a peer only what they wrote themselves', () => {
		expect(seesAllObservationsOf(peer, priya)).toBe(false);
		expect(observationAccess(peer, { ...byPeer, authorId: 'someone-else' }).see).toBe(false);
	});

	it('lets the author edit and delete, admins delete, and the person respond', () => {
		expect(observationAccess(peer, byPeer)).toMatchObject({ edit: true, remove: true, respond: false });
		expect(observationAccess(admin, byPeer)).toMatchObject({ edit: false, remove: true, respond: false });
		expect(observationAccess(teamManager, byPeer)).toMatchObject({ edit: false, remove: false, respond: false });
		expect(observationAccess(scope('priya'), byPeer)).toMatchObject({ edit: false, remove: false, respond: true });
	});

	it('has nobody respond to a self-rating, and nobody edit once the author is gone', () => {
		expect(observationAccess(scope('priya'), { person: priya, authorId: 'priya', source: 'self' })).toMatchObject({
			edit: true,
			respond: false
		});
		expect(observationAccess(peer, { ...byPeer, authorId: null })).toMatchObject({
			see: false,
			edit: false,
			remove: false
		});
	});
});
