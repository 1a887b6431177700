import { describe, expect, it } from 'vitest';
import {
	feedbackMailto,
	feedbackReasons,
	formatMinutesLost,
	formatNetScore,
	parseReasons,
	reasonLabel,
	storedReasons,
	toMinutesLost
} from './feedback';

describe('feedback reasons', () => {
	it('offers both praise and complaints, each with a unique key', () => {
		const keys = feedbackReasons.map((r) => r.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(feedbackReasons.some((r) => r.tone === 'positive')).toBe(true);
		expect(feedbackReasons.some((r) => r.tone === 'negative')).toBe(true);
		expect(reasonLabel('had_to_chase')).toBe('Had to chase');
	});

	it('puts submitted reasons in list order and drops repeats', () => {
		expect(parseReasons(['had_to_chase', 'resolved_first_time', 'had_to_chase'])).toEqual([
			'resolved_first_time',
			'had_to_chase'
		]);
		expect(parseReasons([])).toEqual([]);
	});

	it('refuses a reason the form never offered', () => {
		expect(parseReasons(['slow', 'rude'])).toBeNull();
		expect(parseReasons(['toString'])).toBeNull();
	});

	it('reads stored reasons, skipping retired keys and damaged values', () => {
		expect(storedReasons('["slow","retired_reason","kept_informed"]')).toEqual(['kept_informed', 'slow']);
		expect(storedReasons('not json')).toEqual([]);
		expect(storedReasons('{"slow":true}')).toEqual([]);
		expect(storedReasons('[1, "quick"]')).toEqual(['quick']);
	});
});

describe('time lost', () => {
	it('converts hours to whole minutes', () => {
		expect(toMinutesLost(45, 'minutes')).toBe(45);
		expect(toMinutesLost(1.5, 'hours')).toBe(90);
		expect(toMinutesLost(0.33, 'hours')).toBe(20);
	});

	it('reads back as hours and minutes', () => {
		expect(formatMinutesLost(0)).toBe('0 min');
		expect(formatMinutesLost(45)).toBe('45 min');
		expect(formatMinutesLost(120)).toBe('2 h');
		expect(formatMinutesLost(95)).toBe('1 h 35 min');
	});
});

describe('formatNetScore', () => {
	it('signs positive scores and rounds to whole points', () => {
		expect(formatNetScore(40)).toBe('+40');
		expect(formatNetScore(-14.6)).toBe('-15');
		expect(formatNetScore(-0.2)).toBe('0');
	});
});

describe('feedbackMailto', () => {
	it('prepares an email to the requester with the link in the body', () => {
		const href = feedbackMailto({
			email: 'sam.lee+ap@example.com',
			reference: 'INC-1 & 2',
			teamName: 'Accounts Payable',
			url: 'https://ripple.example/feedback/abc',
			expiresOn: '23 Dec 2026'
		});
		const [address, query] = href.slice('mailto:'.length).split('?');
		expect(address).toBe('sam.lee%2Bap@example.com');
		const params = new URLSearchParams(query);
		expect(params.get('subject')).toBe('How did we do with INC-1 & 2?');
		const body = params.get('body') ?? '';
		expect(body).toContain('https://ripple.example/feedback/abc');
		expect(body).toContain('Accounts Payable recently handled your request INC-1 & 2.');
		expect(body).toContain('until 23 Dec 2026');
	});
});
