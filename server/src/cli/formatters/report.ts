import { manuscriptReport, reportHtml, reportMarkdown } from '../../checker';
import type { ReportFormatName } from '../args';
import type { FileReport, FormatContext } from '../report';

/** `caselint report`'s page: the core's report views (checker/views/report.ts) over the checked files. */
export function reportPage(format: ReportFormatName, reports: FileReport[], ctx: FormatContext): string {
  const data = reports.map((r) => manuscriptReport(r.result, r.displayPath, r.findings));
  return format === 'html' ? reportHtml(data, { version: ctx.version }) : reportMarkdown(data, { version: ctx.version });
}
