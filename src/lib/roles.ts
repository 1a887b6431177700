import { m } from './paraglide/messages';

/** Plain-language labels for roles and grants, shared by pages; worded when called, in the reader's language. */
export type RoleName = 'staff' | 'manager' | 'leader' | 'admin';

export function roleName(role: RoleName): string {
	switch (role) {
		case 'staff':
			return m.admin_role_staff();
		case 'manager':
			return m.admin_role_manager();
		case 'leader':
			return m.admin_role_leader();
		case 'admin':
			return m.admin_role_admin();
	}
}

/**
 * The same labels by role, for pages that look them up by key (`roleLabel[role]`). Each property
 * is worded when it is read, never once for the module. Prefer `roleName(role)`.
 */
export const roleLabel: Readonly<Record<RoleName, string>> = {
	get staff() {
		return roleName('staff');
	},
	get manager() {
		return roleName('manager');
	},
	get leader() {
		return roleName('leader');
	},
	get admin() {
		return roleName('admin');
	}
};

export function grantLabel(grant: {
	role: 'manager' | 'leader' | 'admin';
	team_name: string | null;
	unit_name: string | null;
}): string {
	if (grant.role === 'manager') {
		return grant.team_name === null
			? m.admin_grant_manager_of_removed_team()
			: m.admin_grant_manager_of({ team: grant.team_name });
	}
	if (grant.role === 'leader') {
		return grant.unit_name === null
			? m.admin_grant_leader_of_removed_unit()
			: m.admin_grant_leader_of({ unit: grant.unit_name });
	}
	return m.admin_role_admin();
}
