/**
 * The print style of the consent form: A4, two columns (German and the translation) per section, fonts that
 * Debian and Windows both have for Latin, Cyrillic, Arabic and Persian script. Constant CSS, never built from data.
 */
export const CONSENT_FORM_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Segoe UI", Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #000; }
body { margin: 0; }
h1 { font-size: 14pt; margin: 0 0 1mm 0; }
h2 { font-size: 10.5pt; margin: 0 0 1.5mm 0; }
h3 { font-size: 9.5pt; margin: 2mm 0 1mm 0; }
p { margin: 0 0 1.5mm 0; }
ul { margin: 0 0 1.5mm 0; padding-inline-start: 5mm; }
li { margin-bottom: 0.8mm; }
header { border-bottom: 0.4mm solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
header .lead { margin: 0; }
/* Bold through CSS, not <strong>: Chromium tags <strong> as the PDF 2.0 type Strong, unknown to PDF/UA-1 readers. */
header .title { font-weight: bold; font-size: 12pt; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 7mm; margin-bottom: 3mm; break-inside: avoid; }
.single { margin-bottom: 3mm; break-inside: avoid; }
.pair > div + div { border-inline-start: 0.2mm solid #888; padding-inline-start: 4mm; }
[dir="rtl"] { font-family: "DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif; }
table.facts { border-collapse: collapse; width: 100%; margin-bottom: 1.5mm; }
table.facts th, table.facts td { text-align: start; vertical-align: top; padding: 0.6mm 2mm 0.6mm 0; font-weight: normal; }
table.facts th { width: 40%; color: #333; }
.value { font-weight: bold; }
.address { margin: 1mm 0 1.5mm 0; padding-inline-start: 3mm; border-inline-start: 0.6mm solid #000; }
.address span { display: block; }
.art9 { border: 0.3mm solid #000; padding: 1.5mm 2mm; margin: 1.5mm 0; }
.blank { display: inline-block; min-width: 55mm; border-bottom: 0.3mm solid #000; }
.line { display: block; border-bottom: 0.3mm solid #000; height: 8mm; margin-bottom: 1mm; }
.signatures { break-inside: avoid; margin-top: 5mm; }
.signatures table { width: 100%; border-collapse: collapse; }
.signatures td { width: 50%; padding: 0 4mm 4mm 0; vertical-align: bottom; }
.signatures .label { font-size: 8pt; }
.signatures .label span { display: block; }
footer { margin-top: 4mm; font-size: 8pt; color: #333; border-top: 0.2mm solid #888; padding-top: 1.5mm; }
`;
