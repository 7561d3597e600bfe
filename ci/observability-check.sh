#!/usr/bin/env bash
# Observability gate (issue 6): the generated SLO rules load and pass their unit tests in promtool, and every
# PromQL expression of the Grafana dashboard parses (each is checked by promtool as a recording rule).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=deploy/observability

promtool check rules "$dir/prometheus/oms-slo-rules.yml"
(cd "$dir/prometheus" && promtool test rules oms-slo-rules.test.yml)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node - "$dir/grafana/oms-dashboard.json" "$tmp/dashboard-exprs.yml" <<'JS'
const fs = require('fs');
const [file, out] = process.argv.slice(2);
const dashboard = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!dashboard.uid || !dashboard.title || !Array.isArray(dashboard.panels) || dashboard.panels.length === 0) {
  throw new Error(file + ': not a Grafana dashboard (uid, title, panels)');
}
const exprs = dashboard.panels.flatMap(p => {
  if (!p.targets || p.targets.length === 0) throw new Error(file + ': panel "' + p.title + '" has no query');
  return p.targets.map(t => t.expr);
});
// Grafana's range variables are not PromQL: give them a value before promtool parses the expressions.
const rules = exprs.map((e, i) => '      - record: grafana_panel_expr_' + i + '\n        expr: '
  + JSON.stringify(e.replaceAll('$__range', '1h').replaceAll('$__rate_interval', '5m')));
fs.writeFileSync(out, 'groups:\n  - name: grafana-dashboard-exprs\n    rules:\n' + rules.join('\n') + '\n');
console.log(file + ': ' + dashboard.panels.length + ' panels, ' + exprs.length + ' queries');
JS
promtool check rules "$tmp/dashboard-exprs.yml"
