import { create } from 'qrcode';

/**
 * The QR code of a certificate's verification address, for the printed certificate. Drawn on the
 * server as the outline of one SVG path, which the page renders as ordinary Svelte markup: Ripple
 * outputs no raw HTML (tests/integration/markup-safety.test.ts), so the SVG string `qrcode` can
 * write is not used.
 */
export interface QrCode {
	/** Modules per side, without the quiet zone around the code. */
	size: number;
	/** The dark modules as an SVG path in module units: one rectangle per horizontal run. */
	path: string;
}

export function qrCode(text: string): QrCode {
	// Level M survives a crease or a smudge on paper and keeps a short address small.
	const { modules } = create(text, { errorCorrectionLevel: 'M' });
	const { size } = modules;
	const runs: string[] = [];
	for (let row = 0; row < size; row++) {
		let col = 0;
		while (col < size) {
			if (!modules.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < size && modules.get(row, col)) col++;
			runs.push(`M${start} ${row}h${col - start}v1h-${col - start}z`);
		}
	}
	return { size, path: runs.join('') };
}
