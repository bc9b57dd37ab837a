import { CONSENT_FORM_CSS } from '../consent/consent-form-style';

/**
 * The print style of the Art. 15 report: the consent form's two-column pairs for the explanatory parts (German and
 * the client's language), and data tables with header cells for the copy of the data. Constant CSS.
 */
export const ACCESS_REPORT_CSS = `${CONSENT_FORM_CSS}
h4 { font-size: 9.5pt; margin: 2mm 0 1mm 0; }
.data { margin: 0 0 3mm 0; }
.copy section { margin-bottom: 3mm; }
.copy h3 { border-bottom: 0.2mm solid #888; padding-bottom: 0.5mm; }
table.data { border-collapse: collapse; width: 100%; margin-bottom: 1.5mm; }
table.data th, table.data td { text-align: start; vertical-align: top; padding: 0.6mm 2mm 0.6mm 0; }
table.data th { font-weight: bold; border-bottom: 0.3mm solid #000; }
table.data td { border-bottom: 0.1mm solid #999; }
.pre { white-space: pre-wrap; }
.withheld { font-style: italic; }
.authority span { display: block; }
`;
