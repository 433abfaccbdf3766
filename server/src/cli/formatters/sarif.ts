import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl, type Severity } from '../../checker';
import { locate, type Formatter } from '../report';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/caselint/caselint';

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative path as a URI reference (each segment percent-encoded), or a file: URI when absolute. */
export function artifactUri(displayPath: string): string {
  if (isAbsolute(displayPath)) return pathToFileURL(displayPath).href;
  return displayPath.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0: one run whose driver lists every registered rule (id, short description, help
 * URI); one result per finding with rule id and index, level (error, warning, note), message
 * and a region (1-based lines and columns; columnKind utf16CodeUnits). Artifact URIs are
 * relative to the current directory (uriBaseId %SRCROOT%), as GitHub code scanning expects.
 */
export const sarif: Formatter = (reports, ctx) => {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) => {
    const relative = !isAbsolute(report.displayPath);
    return locate(report).map((f) => ({
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(report.displayPath), ...(relative ? { uriBaseId: '%SRCROOT%' } : {}) },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(f.severity === 'hint' || f.severity === 'info' ? { properties: { caselintSeverity: f.severity } } : {}),
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'caselint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
