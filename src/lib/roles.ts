/** Plain-language labels for roles and grants, shared by pages. */
export const roleLabel = {
	staff: 'Staff',
	manager: 'Manager',
	leader: 'Leader',
	admin: 'Admin'
} as const;

export function grantLabel(grant: {
	role: 'manager' | 'leader' | 'admin';
	team_name: string | null;
	unit_name: string | null;
}): string {
	if (grant.role === 'manager') return `Manager of ${grant.team_name ?? 'a removed team'}`;
	if (grant.role === 'leader') return `Leader of ${grant.unit_name ?? 'a removed unit'}`;
	return 'Admin';
}
