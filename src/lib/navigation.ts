import { m } from './paraglide/messages';
import type { Role } from './server/people/rules';

/**
 * The app's sections. Each names the roles that see it in the navigation; a section is listed
 * here once it has real pages.
 */
export interface NavItem {
	href: string;
	/** The label in the current locale (a message function, called when rendered). */
	label: () => string;
	roles: readonly Role[];
}

export const navigation: readonly NavItem[] = [
	{ href: '/', label: m.nav_home, roles: ['staff'] },
	{ href: '/learn', label: m.nav_learn, roles: ['staff'] },
	{ href: '/learn/team', label: m.nav_team_learning, roles: ['manager', 'leader'] },
	{ href: '/connect', label: m.nav_connect, roles: ['staff'] },
	{ href: '/measure', label: m.nav_scorecards, roles: ['manager', 'leader', 'admin'] },
	{ href: '/growth', label: m.nav_growth, roles: ['staff'] },
	{ href: '/profile', label: m.nav_profile, roles: ['staff'] },
	{ href: '/admin', label: m.nav_admin, roles: ['admin'] }
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
