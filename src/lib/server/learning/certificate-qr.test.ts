import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrCode } from './certificate-qr';

/** The dark modules the path draws, read back from its runs. */
function drawn(path: string): Set<string> {
	const cells = new Set<string>();
	for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
		for (let col = Number(x); col < Number(x) + Number(width); col++) cells.add(`${y},${col}`);
	}
	return cells;
}

describe('qrCode', () => {
	const url = 'https://ripple.example.com/verify/ABCDE-FGH23';

	it('draws exactly the dark modules of the QR code for the address', () => {
		const { modules } = create(url, { errorCorrectionLevel: 'M' });
		const qr = qrCode(url);
		expect(qr.size).toBe(modules.size);
		const dark = new Set<string>();
		for (let row = 0; row < modules.size; row++) {
			for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.add(`${row},${col}`);
		}
		expect(dark.size).toBeGreaterThan(0);
		expect(drawn(qr.path)).toEqual(dark);
		// Nothing but the runs: the path is a safe attribute value.
		expect(qr.path.replace(/M\d+ \d+h\d+v1h-\d+z/g, '')).toBe('');
	});

	it('has a version-sized matrix with the three finder patterns in its corners', () => {
		const qr = qrCode(url);
		expect((qr.size - 17) % 4).toBe(0);
		const cells = drawn(qr.path);
		const end = qr.size - 1;
		for (const [row, col] of [
			[0, 0],
			[0, end - 6],
			[end - 6, 0]
		] as const) {
			// A finder pattern's outer ring is dark on every side, its inner ring light.
			for (let i = 0; i < 7; i++) {
				expect(cells.has(`${row},${col + i}`)).toBe(true);
				expect(cells.has(`${row + 6},${col + i}`)).toBe(true);
				expect(cells.has(`${row + i},${col}`)).toBe(true);
			}
			expect(cells.has(`${row + 1},${col + 1}`)).toBe(false);
			expect(cells.has(`${row + 3},${col + 3}`)).toBe(true);
		}
	});

	it('gives different addresses different codes', () => {
		expect(qrCode(`${url}X`).path).not.toBe(qrCode(url).path);
	});
});
