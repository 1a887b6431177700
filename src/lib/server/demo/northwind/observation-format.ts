/**
 * How the observation files are written: an observation's shape, when it happened (relative to
 * the day the demo is loaded), and the colleagues the stories name most.
 */
import type { ObservationSource } from '../../db/schema';
import { nw } from './org';

export type When = { beforeMonthStart: number } | { daysAgo: number };
/** Days before the first of the current month: inside any three-month window ending now. */
export const recent = (days: number): When => ({ beforeMonthStart: days });
export const ago = (days: number): When => ({ daysAgo: days });

export interface DemoObservation {
	about: string;
	by: string;
	source: ObservationSource;
	behaviour: string;
	level: 1 | 2 | 3 | 4 | 5;
	when: When;
	situation: string;
	action: string;
	impact: string;
	response?: string;
}

// The colleagues the stories name most, by email.
export const PRIYA = 'staff@ripple.test';
export const TOMASZ = 'manager@ripple.test';
export const AGNIESZKA = nw('agnieszka.kowalczyk');
export const VIKRAM = nw('vikram.iyer');
export const EMMA = nw('emma.clarke');
export const MATEUSZ = nw('mateusz.zielinski');
export const LAKSHMI = nw('lakshmi.narayanan');
export const OLENA = nw('olena.shevchenko');
export const SARAH = nw('sarah.oconnor');
export const JOANNA = nw('joanna.wisniewska');
export const DANIEL = nw('daniel.fischer');
export const ANANYA = nw('ananya.krishnan');
export const LUCAS = nw('lucas.martin');
export const GRACE = nw('grace.thompson');
export const PIETER = nw('pieter.jansen');
export const OLIVER = nw('oliver.bennett');
export const KATARZYNA = nw('katarzyna.lewandowska');
export const JESSICA = nw('jessica.taylor');
export const RAVI = nw('ravi.patel');
