/** Finance Shared Services: Accounts Payable, Accounts Receivable, General Ledger & Reporting, Intercompany & Consolidation (Eindhoven), Accounts Payable Asia Pacific (Dalian). */
import { AMSTERDAM, DALIAN, FINANCE_LEAD, KOLKATA, LONDON, nw, WARSAW, type DemoPerson } from './org';

// Managers, named once because their reports point at them.
const AP_MANAGER = 'manager@ripple.test';
const AR_MANAGER = nw('sarah.oconnor');
const GL_MANAGER = nw('pieter.jansen');
const IC_MANAGER = nw('joost.vandenberg');
const APAC_MANAGER = nw('liwei.chen');

export const financePeople: readonly DemoPerson[] = [
	// Finance Shared Services › Accounts Payable
	{
		name: 'Tomasz Nowak',
		email: AP_MANAGER,
		jobTitle: 'Accounts Payable Manager',
		team: 'Accounts Payable',
		manager: FINANCE_LEAD,
		timeZone: WARSAW,
		language: 'en',
		grants: [{ role: 'manager', team: 'Accounts Payable' }]
	},
	{
		name: 'Priya Raman',
		email: 'staff@ripple.test',
		jobTitle: 'Accounts Payable Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Agnieszka Kowalczyk',
		email: nw('agnieszka.kowalczyk'),
		jobTitle: 'Accounts Payable Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Vikram Iyer',
		email: nw('vikram.iyer'),
		jobTitle: 'Invoice Processing Analyst',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Emma Clarke',
		email: nw('emma.clarke'),
		jobTitle: 'Supplier Relations Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Mateusz Zieliński',
		email: nw('mateusz.zielinski'),
		jobTitle: 'Accounts Payable Analyst',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Lakshmi Narayanan',
		email: nw('lakshmi.narayanan'),
		jobTitle: 'Invoice Processing Analyst',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Olena Shevchenko',
		email: nw('olena.shevchenko'),
		jobTitle: 'Travel & Expenses Specialist',
		team: 'Accounts Payable',
		manager: AP_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},

	// Finance Shared Services › Accounts Receivable
	{
		name: "Sarah O'Connor",
		email: AR_MANAGER,
		jobTitle: 'Accounts Receivable Manager',
		team: 'Accounts Receivable',
		manager: FINANCE_LEAD,
		timeZone: 'Europe/Dublin',
		language: 'en',
		grants: [{ role: 'manager', team: 'Accounts Receivable' }]
	},
	{
		name: 'Joanna Wiśniewska',
		email: nw('joanna.wisniewska'),
		jobTitle: 'Credit Controller',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Daniel Fischer',
		email: nw('daniel.fischer'),
		jobTitle: 'Cash Applications Analyst',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: 'Europe/Berlin',
		language: 'en'
	},
	{
		name: 'Ananya Krishnan',
		email: nw('ananya.krishnan'),
		jobTitle: 'Collections Specialist',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Lucas Martin',
		email: nw('lucas.martin'),
		jobTitle: 'Billing Specialist',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: 'Europe/Paris',
		language: 'en'
	},
	{
		name: 'Grace Thompson',
		email: nw('grace.thompson'),
		jobTitle: 'Credit Controller',
		team: 'Accounts Receivable',
		manager: AR_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},

	// Finance Shared Services › General Ledger & Reporting
	{
		name: 'Pieter Jansen',
		email: GL_MANAGER,
		jobTitle: 'Record to Report Manager',
		team: 'General Ledger & Reporting',
		manager: FINANCE_LEAD,
		timeZone: AMSTERDAM,
		language: 'nl',
		grants: [{ role: 'manager', team: 'General Ledger & Reporting' }]
	},
	{
		name: 'Mei Lin Chen',
		email: nw('meilin.chen'),
		jobTitle: 'Financial Reporting Analyst',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: AMSTERDAM,
		language: 'zh-CN'
	},
	{
		name: 'Oliver Bennett',
		email: nw('oliver.bennett'),
		jobTitle: 'Senior Accountant',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},
	{
		name: 'Katarzyna Lewandowska',
		email: nw('katarzyna.lewandowska'),
		jobTitle: 'General Ledger Accountant',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: WARSAW,
		language: 'en'
	},
	{
		name: 'Arjun Sharma',
		email: nw('arjun.sharma'),
		jobTitle: 'Reconciliations Analyst',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: KOLKATA,
		language: 'en'
	},
	{
		name: 'Fatima Al-Sayed',
		email: nw('fatima.al-sayed'),
		jobTitle: 'Fixed Assets Accountant',
		team: 'General Ledger & Reporting',
		manager: GL_MANAGER,
		timeZone: LONDON,
		language: 'en'
	},

	// Finance Shared Services › Intercompany & Consolidation (Eindhoven, in Dutch)
	{
		name: 'Joost van den Berg',
		email: IC_MANAGER,
		jobTitle: 'Intercompany & Consolidation Team Lead',
		team: 'Intercompany & Consolidation',
		manager: FINANCE_LEAD,
		timeZone: AMSTERDAM,
		language: 'nl',
		grants: [{ role: 'manager', team: 'Intercompany & Consolidation' }]
	},
	{
		name: 'Lotte Smit',
		email: nw('lotte.smit'),
		jobTitle: 'Intercompany Accountant',
		team: 'Intercompany & Consolidation',
		manager: IC_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Daan Mulder',
		email: nw('daan.mulder'),
		jobTitle: 'Consolidation Analyst',
		team: 'Intercompany & Consolidation',
		manager: IC_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Eva de Graaf',
		email: nw('eva.degraaf'),
		jobTitle: 'Intercompany Reconciliation Specialist',
		team: 'Intercompany & Consolidation',
		manager: IC_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},
	{
		name: 'Bram Hendriks',
		email: nw('bram.hendriks'),
		jobTitle: 'Junior Accountant',
		team: 'Intercompany & Consolidation',
		manager: IC_MANAGER,
		timeZone: AMSTERDAM,
		language: 'nl'
	},

	// Finance Shared Services › Accounts Payable Asia Pacific (Dalian, in Chinese)
	{
		name: '陈立伟',
		email: APAC_MANAGER,
		jobTitle: 'Accounts Payable Team Lead, Dalian',
		team: 'Accounts Payable Asia Pacific',
		manager: FINANCE_LEAD,
		timeZone: DALIAN,
		language: 'zh-CN',
		grants: [{ role: 'manager', team: 'Accounts Payable Asia Pacific' }]
	},
	{
		name: '王芳',
		email: nw('fang.wang'),
		jobTitle: 'Invoice Processing Specialist',
		team: 'Accounts Payable Asia Pacific',
		manager: APAC_MANAGER,
		timeZone: DALIAN,
		language: 'zh-CN'
	},
	{
		name: '刘洋',
		email: nw('yang.liu'),
		jobTitle: 'Vendor Master Data Specialist',
		team: 'Accounts Payable Asia Pacific',
		manager: APAC_MANAGER,
		timeZone: DALIAN,
		language: 'zh-CN'
	},
	{
		name: '赵婷',
		email: nw('ting.zhao'),
		jobTitle: 'Payment Specialist',
		team: 'Accounts Payable Asia Pacific',
		manager: APAC_MANAGER,
		timeZone: DALIAN,
		language: 'zh-CN'
	},
	{
		name: '孙浩',
		email: nw('hao.sun'),
		jobTitle: 'Accounts Payable Analyst',
		team: 'Accounts Payable Asia Pacific',
		manager: APAC_MANAGER,
		timeZone: DALIAN,
		language: 'zh-CN'
	}
];
