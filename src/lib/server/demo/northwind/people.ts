import type { DemoPerson } from './org';
import { customerOperationsPeople } from './people-customer-operations';
import { financePeople } from './people-finance';
import { hrPeople } from './people-hr';
import { itPeople } from './people-it';
import { leadershipPeople } from './people-leadership';

/** Everyone in the demo organisation, department by department as on the org chart. */
export const demoPeople: readonly DemoPerson[] = [
	...leadershipPeople,
	...financePeople,
	...hrPeople,
	...itPeople,
	...customerOperationsPeople
];
