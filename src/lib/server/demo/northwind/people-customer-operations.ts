/** Customer Operations: Customer Care, Order Management, Field Sales Support. */
import { AMSTERDAM, CUSTOMER_LEAD, LONDON, NEW_YORK, nw, WARSAW, type DemoPerson } from './org';

// Managers, named once because their reports point at them.
const CARE_MANAGER_EU = nw('natalie.brooks');
const CARE_MANAGER_US = nw('carlos.mendoza');
const ORDERS_MANAGER = nw('julia.schneider');
const SALES_SUPPORT_MANAGER = nw('giulia.romano');

export const customerOperationsPeople: readonly DemoPerson[] = [
	// Customer Operations › Customer Care: two managers, Europe and the Americas.
	{
		name: 'Natalie Brooks',
		email: CARE_MANAGER_EU,
		jobTitle: 'Customer Care Manager, Europe',
		team: 'Customer Care',
		manager: CUSTOMER_LEAD,
		timeZone: LONDON,
		language: 'en',
		grants: [{ role: 'manager', team: 'Customer Care' }]
	},
	{
		name: 'Carlos Mendoza',
		email: CARE_MANAGER_US,
		jobTitle: 'Customer Care Manager, Americas',
		team: 'Customer Care',
		manager: CUSTOMER_LEAD,
		timeZone: NEW_YORK,
		language: 'en',
		grants: [{ role: 'manager', team: 'Customer Care' }]
	},
	{
		name: 'Jessica Taylor',
		email: nw('jessica.taylor'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Mohammed Rahman',
		email: nw('mohammed.rahman'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Lucía García',
		email: nw('lucia.garcia'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: 'Europe/Madrid',
		language: 'en'
	},
	{
		name: 'Femke Visser',
		email: nw('femke.visser'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Siobhan Kelly',
		email: nw('siobhan.kelly'),
		jobTitle: 'Complaints Resolution Specialist',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: 'Europe/Dublin',
		language: 'en'
	},
	{
		name: 'Wei Zhang',
		email: nw('wei.zhang'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_EU,
		timeZone: 'Asia/Shanghai',
		language: 'zh-CN'
	},
	{
		name: 'Ashley Robinson',
		email: nw('ashley.robinson'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_US,
		timeZone: NEW_YORK,
		language: 'en'
	},
	{
		name: 'Gabriela Santos',
		email: nw('gabriela.santos'),
		jobTitle: 'Customer Care Advisor',
		team: 'Customer Care',
		manager: CARE_MANAGER_US,
		timeZone: 'America/Sao_Paulo',
		language: 'en'
	},

	// Customer Operations › Order Management
	{
		name: 'Julia Schneider',
		email: ORDERS_MANAGER,
		jobTitle: 'Order Management Manager',
		team: 'Order Management',
		manager: CUSTOMER_LEAD,
		timeZone: 'Europe/Berlin',
		language: 'en',
		grants: [{ role: 'manager', team: 'Order Management' }]
	},
	{
		name: 'Ravi Patel',
		email: nw('ravi.patel'),
		jobTitle: 'Order Management Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Ewa Mazur',
		email: nw('ewa.mazur'),
		jobTitle: 'Order Processing Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Kenji Watanabe',
		email: nw('kenji.watanabe'),
		jobTitle: 'Order Management Analyst',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: 'Asia/Tokyo',
		language: 'en'
	},
	{
		name: 'Lena Schmidt',
		email: nw('lena.schmidt'),
		jobTitle: 'Order Processing Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: 'Europe/Berlin',
		language: 'en'
	},
	{
		name: 'Tyler Johnson',
		email: nw('tyler.johnson'),
		jobTitle: 'Order Management Specialist',
		team: 'Order Management',
		manager: ORDERS_MANAGER,
		timeZone: 'America/Chicago',
		language: 'en'
	},

	// Customer Operations › Field Sales Support
	{
		name: 'Giulia Romano',
		email: SALES_SUPPORT_MANAGER,
		jobTitle: 'Sales Support Manager',
		team: 'Field Sales Support',
		manager: CUSTOMER_LEAD,
		timeZone: 'Europe/Rome',
		language: 'en',
		grants: [{ role: 'manager', team: 'Field Sales Support' }]
	},
	{
		name: 'Samuel Adjei',
		email: nw('samuel.adjei'),
		jobTitle: 'Sales Support Coordinator',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Maria Oliveira',
		email: nw('maria.oliveira'),
		jobTitle: 'Sales Operations Analyst',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: 'Europe/Lisbon',
		language: 'en'
	},
	{
		name: 'Nathalie Girard',
		email: nw('nathalie.girard'),
		jobTitle: 'Sales Support Coordinator',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: 'Europe/Paris',
		language: 'en'
	},
	{
		name: 'Ahmed Hassan',
		email: nw('ahmed.hassan'),
		jobTitle: 'Quotations Specialist',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: 'Africa/Cairo',
		language: 'en'
	},
	{
		name: 'Megan Reilly',
		email: nw('megan.reilly'),
		jobTitle: 'Sales Support Coordinator',
		team: 'Field Sales Support',
		manager: SALES_SUPPORT_MANAGER,
		timeZone: NEW_YORK,
		language: 'en'
	}
];
