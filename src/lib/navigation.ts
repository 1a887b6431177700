import type { Role } from './server/people/rules';

/**
 * The app's sections. Each names the roles that see it in the navigation; a section is listed
 * here once it has real pages.
 */
export interface NavItem {
	href: string;
	label: string;
	roles: readonly Role[];
}

export const navigation: readonly NavItem[] = [
	{ href: '/', label: 'Home', roles: ['staff'] },
	{ href: '/learn', label: 'Learn', roles: ['staff'] },
	{ href: '/learn/team', label: 'Team learning', roles: ['manager', 'leader'] },
	{ href: '/connect', label: 'Connect', roles: ['staff'] },
	{ href: '/measure', label: 'Scorecards', roles: ['manager', 'leader', 'admin'] },
	{ href: '/growth', label: 'My growth', roles: ['staff'] },
	{ href: '/profile', label: 'Profile', roles: ['staff'] },
	{ href: '/admin', label: 'Admin', roles: ['admin'] }
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
	return navigation.filter((item) => item.roles.some((r) => roles.includes(r)));
}

export function isCurrent(href: string, pathname: string): boolean {
	return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The item a path belongs to: the longest matching href, so /learn/team is not also /learn. */
export function currentHref(items: readonly { href: string }[], pathname: string): string | undefined {
	return items.filter((item) => isCurrent(item.href, pathname)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
