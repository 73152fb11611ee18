/** Hand-built minimal PDF 1.4 (one page, Helvetica) with a correct xref table. */

const SIZES: Record<string, [number, number]> = { A6: [298, 420], A5: [420, 595] };

function esc(s: string): string {
	// WinAnsi-safe: replace non-latin1 chars, escape PDF string delimiters
	return s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

export function buildPdf(size: 'A6' | 'A5', title: string, lines: string[]): Buffer {
	const [w, h] = SIZES[size] ?? SIZES.A6;
	const margin = 20;
	let content = 'BT\n/F1 14 Tf\n';
	content += `${margin} ${h - margin - 14} Td\n(${esc(title)}) Tj\n`;
	content += '/F1 9 Tf\n0 -22 Td\n';
	for (const line of lines) content += `(${esc(line)}) Tj\n0 -13 Td\n`;
	content += 'ET\n';
	// a border and a fake barcode-ish bar
	content += `0.5 w ${margin / 2} ${margin / 2} ${w - margin} ${h - margin} re S\n`;
	for (let i = 0; i < 40; i++) {
		const bw = (i * 7) % 3 === 0 ? 2 : 1;
		content += `${margin + i * 4} ${margin + 10} ${bw} 40 re f\n`;
	}
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
	];
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(Buffer.byteLength(out, 'latin1'));
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
