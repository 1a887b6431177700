/**
 * People as pages and other domains read them. Writes go through ./service.ts (and ./import.ts,
 * ./personal-data.ts); nothing outside this domain reads its tables directly.
 */
export {
	contactsOf,
	countPeople,
	findPeopleByEmails,
	findPersonByEmail,
	getPersonDetail,
	listGrants,
	listPeople,
	namesWithTeams,
	placementOf,
	teamManagers,
	activeManagerGrants,
	activeLeaderGrants,
	teamMembers,
	type GrantRow,
	type PersonDetail,
	type PersonListFilters,
	type PersonListRow
} from './queries';
