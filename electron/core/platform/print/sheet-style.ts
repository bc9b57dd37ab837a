/**
 * The print style of one-language working documents (Überleitungsbogen, conference minutes): A4, fact tables,
 * data tables with header cells, signature lines. Constant CSS, never built from data. Bold through CSS, never
 * <strong> (Chromium tags it as the PDF 2.0 type Strong, unknown to PDF/UA-1 readers).
 */
export const SHEET_CSS = `
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #000; }
body { margin: 0; }
h1 { font-size: 14pt; margin: 0 0 1mm 0; }
h2 { font-size: 11pt; margin: 0 0 1.5mm 0; }
h3 { font-size: 10pt; margin: 2.5mm 0 1mm 0; }
h4 { font-size: 9.5pt; margin: 2mm 0 1mm 0; }
p { margin: 0 0 1.5mm 0; }
ul { margin: 0 0 1.5mm 0; padding-inline-start: 5mm; }
li { margin-bottom: 0.8mm; }
header { border-bottom: 0.4mm solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
header .lead { margin: 0; }
header .recipient { font-weight: bold; margin-top: 1mm; }
section { margin-bottom: 3.5mm; }
section section { margin-bottom: 2.5mm; }
.keep { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5mm; }
th, td { text-align: start; vertical-align: top; padding: 0.7mm 2mm 0.7mm 0; }
table.facts th { width: 35%; font-weight: normal; color: #333; }
table.data th { font-weight: bold; border-bottom: 0.3mm solid #000; }
table.data td { border-bottom: 0.1mm solid #999; }
.value { font-weight: bold; }
.address { margin: 1mm 0 1.5mm 0; padding-inline-start: 3mm; border-inline-start: 0.6mm solid #000; }
.address span { display: block; }
.box { border: 0.3mm solid #000; padding: 1.5mm 2mm; margin: 1.5mm 0; }
.line { display: block; border-bottom: 0.3mm solid #000; height: 10mm; margin-bottom: 1mm; }
.signatures { break-inside: avoid; margin-top: 6mm; }
.signatures td { width: 50%; padding: 0 6mm 4mm 0; vertical-align: bottom; }
.signatures .label { font-size: 8pt; }
.pre { white-space: pre-wrap; }
footer { margin-top: 4mm; font-size: 8pt; color: #333; border-top: 0.2mm solid #888; padding-top: 1.5mm; }
`;
