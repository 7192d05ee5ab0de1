package io.bloomfit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code report.html}: one self-contained page (no network) with the summary table and three charts drawn by
 * Chart.js 4.6.1 (MIT, bundled from npm's {@code chart.js} package, {@code dist/chart.umd.min.js}; licence beside
 * it as {@code chart-4.6.1.LICENSE.md}), inlined into the page: MRR vs ratio per hash function, seconds per epoch
 * vs ratio, MRR vs parameter count with the Pareto front, and MRR with its 95% interval bars vs parameter bytes (one
 * series per method; {@code plain} and {@code popularity} as dashed reference lines). The table shows the
 * {@code popularity} and {@code random} reference rows, MRR relative to popularity and each method's paired
 * comparison with {@code plain} in words.
 *
 * <p>The page writes what it drew into {@code #render-check} (charts and data points) and any script error into
 * {@code #errors}, so a headless browser can check it rendered.
 */
public final class HtmlReport {

    /** Version of the bundled Chart.js. */
    public static final String CHART_JS_VERSION = "4.6.1";
    private static final String CHART_JS = "chart-" + CHART_JS_VERSION + ".umd.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * Renders the page.
     *
     * @param title   experiment name
     * @param context a line about the run (dataset, model), shown under the title; may be empty
     */
    public static String render(String title, String context, ExperimentSummary summary) {
        ArrayNode groups = JSON.createArrayNode();
        for (SummaryRow r : summary.rows()) {
            ObjectNode g = groups.addObject();
            GroupStatistics stats = summary.statistics(r);
            g.put("label", r.label());
            g.put("baseline", r.baseline());
            g.put("reference", r.reference());
            put(g, "bytes", r.size().bytes());
            put(g, "mrrLow", stats.mrr().low());
            put(g, "mrrHigh", stats.mrr().high());
            put(g, "relativePopularity", stats.relativeToPopularity());
            g.put("versusPlain", stats.versusPlain() == null || stats.versusPlain().pairs() == 0 ? null
                    : PlainComparisonText.sentence(stats.versusPlain()));
            g.put("compressor", r.group().compressor());
            g.put("options", r.group().optionsText());
            g.put("hash", r.group().hash() == null ? "-" : r.group().hash());
            g.put("ratio", r.group().ratio());
            g.put("hashes", r.group().hashes());
            g.put("sides", r.group().sides().specName());
            g.put("runs", r.runs());
            g.put("failed", r.failed());
            put(g, "mrr", r.quality().mrr());
            put(g, "mrrStd", r.quality().mrrStd());
            put(g, "p10", r.quality().precisionAt10());
            put(g, "r10", r.quality().recallAt10());
            put(g, "ndcg10", r.quality().ndcgAt10());
            put(g, "secondsPerEpoch", r.speed().secondsPerEpoch());
            put(g, "parameters", r.size().parameters());
            put(g, "relativeMrr", r.quality().relativeMrr());
            put(g, "speedup", r.speed().speedup());
            g.put("error", r.firstError());
        }
        String data = groups.toString().replace("</", "<\\/");
        return TEMPLATE
                .replace("@TITLE@", escape(title))
                .replace("@CONTEXT@", escape(context == null ? "" : context))
                .replace("@CHART_VERSION@", CHART_JS_VERSION)
                .replace("@CHARTJS@", chartJs())
                .replace("@DATA@", data);
    }

    private static void put(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String chartJs() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException(CHART_JS + " is missing from the api jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>bloomfit: @TITLE@</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            h1 { margin-bottom: 0.2em; }
            .context { color: #555; margin-bottom: 1.5em; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 2em; }
            .chart { position: relative; height: 340px; }
            table { border-collapse: collapse; margin-top: 2em; font-size: 0.9em; }
            th, td { padding: 0.3em 0.7em; border-bottom: 1px solid #ddd; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.baseline { background: #f3f6fb; }
            tr.reference { color: #666; font-style: italic; }
            #errors { color: #b00; white-space: pre-wrap; }
            #render-check { display: none; }
            footer { margin-top: 2em; color: #777; font-size: 0.8em; }
            </style>
            <script>
            window.bloomfitErrors = [];
            window.onerror = function (message, source, line) {
              window.bloomfitErrors.push(message + ' (' + source + ':' + line + ')');
              var el = document.getElementById('errors');
              if (el) { el.textContent = window.bloomfitErrors.join('\\n'); }
            };
            </script>
            <script>@CHARTJS@</script>
            </head>
            <body>
            <h1>@TITLE@</h1>
            <div class="context">@CONTEXT@</div>
            <div id="errors"></div>
            <div class="charts">
              <div><h3>MRR vs ratio, per hash function</h3><div class="chart"><canvas id="mrr-ratio"></canvas></div></div>
              <div><h3>Seconds per epoch vs ratio</h3><div class="chart"><canvas id="seconds-ratio"></canvas></div></div>
              <div><h3>MRR vs parameters (Pareto front)</h3><div class="chart"><canvas id="mrr-parameters"></canvas></div></div>
              <div><h3>MRR (95% interval) vs parameter bytes</h3><div class="chart"><canvas id="mrr-bytes"></canvas></div></div>
            </div>
            <table id="summary">
              <thead><tr><th>compressor</th><th>hash</th><th>ratio</th><th>k</th><th>sides</th><th>runs</th><th>MRR</th>
              <th>sd</th><th>95% CI</th><th>rel. MRR</th><th>MRR relative to popularity</th><th>P@10</th><th>R@10</th><th>NDCG@10</th><th>s/epoch</th><th>speedup</th>
              <th>parameters</th><th>failed</th><th>vs plain (paired over repeats)</th></tr></thead>
              <tbody></tbody>
            </table>
            <pre id="render-check"></pre>
            <footer>Generated by bloomfit. Charts: Chart.js @CHART_VERSION@ (MIT licence), inlined.</footer>
            <script type="application/json" id="data">@DATA@</script>
            <script>
            (function () {
              var groups = JSON.parse(document.getElementById('data').textContent);
              var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
                             '#bcbd22', '#17becf'];
              function fmt(v, digits) { return v === null || v === undefined ? '-' : Number(v).toFixed(digits); }
              var ok = groups.filter(function (g) { return g.runs > 0; });
              var baseline = ok.filter(function (g) { return g.baseline; })[0];
              var popularity = ok.filter(function (g) { return g.reference && g.compressor === 'popularity'; })[0];
              function withOptions(g) { return g.compressor + (g.options ? ' ' + g.options : ''); }
              function seriesKey(g) { return withOptions(g) + ' ' + g.hash + ' k=' + g.hashes + ' ' + g.sides; }
              // one series per compressor(+options)/hash/k/sides, x = ratio
              function seriesOf(field) {
                var byKey = {};
                ok.forEach(function (g) {
                  if (g.sides === 'none' || g[field] === null) { return; }
                  var key = seriesKey(g);
                  (byKey[key] = byKey[key] || []).push({x: g.ratio, y: g[field]});
                });
                var sets = Object.keys(byKey).sort().map(function (key, i) {
                  var points = byKey[key].sort(function (a, b) { return a.x - b.x; });
                  return {label: key, data: points, borderColor: palette[i % palette.length],
                          backgroundColor: palette[i % palette.length], showLine: true, pointRadius: 4};
                });
                if (baseline && baseline[field] !== null) {
                  sets.push({label: 'plain', data: [{x: 1, y: baseline[field]}], borderColor: '#000',
                             backgroundColor: '#000', pointStyle: 'rectRot', pointRadius: 7});
                }
                return sets;
              }
              function scatter(id, datasets, xTitle, yTitle, xLog) {
                return new Chart(document.getElementById(id), {
                  type: 'scatter',
                  data: {datasets: datasets},
                  options: {animation: false, responsive: true, maintainAspectRatio: false,
                            scales: {x: {type: xLog ? 'logarithmic' : 'linear', title: {display: true, text: xTitle}},
                                     y: {title: {display: true, text: yTitle}}},
                            plugins: {legend: {labels: {filter: function (item, data) {
                                        return !data.datasets[item.datasetIndex].interval; }}},
                                      tooltip: {callbacks: {label: function (c) {
                              return (c.raw.label || c.dataset.label) + ': (' + c.parsed.x + ', ' + fmt(c.parsed.y, 4) + ')';
                            }}}}}
                });
              }
              var charts = [];
              charts.push(scatter('mrr-ratio', seriesOf('mrr'), 'ratio (table rows / entities)', 'MRR', false));
              charts.push(scatter('seconds-ratio', seriesOf('secondsPerEpoch'), 'ratio (table rows / entities)',
                                  'seconds per epoch', false));
              var all = ok.filter(function (g) { return !g.reference && g.parameters !== null && g.mrr !== null; })
                  .map(function (g) { return {x: g.parameters, y: g.mrr, label: g.label}; });
              var front = all.slice().sort(function (a, b) { return a.x - b.x || b.y - a.y; })
                  .filter(function (p, i, sorted) {
                    for (var j = 0; j < i; j++) { if (sorted[j].y >= p.y) { return false; } }
                    return true;
                  });
              charts.push(scatter('mrr-parameters', [
                {label: 'grid points', data: all, backgroundColor: '#1f77b4', pointRadius: 4},
                {label: 'Pareto front', data: front, borderColor: '#d62728', backgroundColor: '#d62728',
                 showLine: true, pointRadius: 5}], 'parameters', 'MRR', true));
              // MRR with 95% interval bars vs bytes, one series per method; plain and popularity as dashed lines
              function intervalSeries() {
                var byKey = {};
                ok.forEach(function (g) {
                  if (g.reference || g.baseline || g.bytes === null || g.mrr === null) { return; }
                  var key = seriesKey(g);
                  (byKey[key] = byKey[key] || []).push(g);
                });
                var sets = [];
                Object.keys(byKey).sort().forEach(function (key, i) {
                  var color = palette[i % palette.length];
                  var members = byKey[key].sort(function (a, b) { return a.bytes - b.bytes; });
                  sets.push({label: key, data: members.map(function (g) { return {x: g.bytes, y: g.mrr}; }),
                             borderColor: color, backgroundColor: color, showLine: true, pointRadius: 4});
                  members.forEach(function (g) {
                    if (g.mrrLow === null) { return; }
                    sets.push({label: key + ' 95% interval', interval: true, borderColor: color,
                               backgroundColor: color, showLine: true, pointRadius: 0,
                               data: [{x: g.bytes, y: g.mrrLow}, {x: g.bytes, y: g.mrrHigh}]});
                  });
                });
                var xs = ok.filter(function (g) { return !g.reference && g.bytes; })
                    .map(function (g) { return g.bytes; });
                if (xs.length) {
                  var lo = Math.min.apply(null, xs);
                  var hi = Math.max.apply(null, xs);
                  [['plain', baseline, '#000'], ['popularity', popularity, '#888']].forEach(function (ref) {
                    if (ref[1] && ref[1].mrr !== null) {
                      sets.push({label: ref[0], data: [{x: lo, y: ref[1].mrr}, {x: hi, y: ref[1].mrr}],
                                 borderColor: ref[2], backgroundColor: ref[2], borderDash: [6, 4], showLine: true,
                                 pointRadius: 0});
                    }
                  });
                }
                return sets;
              }
              charts.push(scatter('mrr-bytes', intervalSeries(), 'parameter bytes', 'MRR', true));
              var body = document.querySelector('#summary tbody');
              groups.forEach(function (g) {
                var tr = document.createElement('tr');
                if (g.baseline) { tr.className = 'baseline'; }
                if (g.reference) { tr.className = 'reference'; }
                [[withOptions(g)], [g.hash], [g.reference ? '-' : g.baseline ? '1' : g.ratio, 1],
                 [g.reference ? '-' : g.hashes, 1], [g.sides],
                 [g.runs, 1], [fmt(g.mrr, 4), 1], [fmt(g.mrrStd, 4), 1],
                 [g.mrrLow === null ? '-' : fmt(g.mrrLow, 4) + '-' + fmt(g.mrrHigh, 4), 1],
                 [fmt(g.relativeMrr, 3), 1], [fmt(g.relativePopularity, 3), 1],
                 [fmt(g.p10, 4), 1], [fmt(g.r10, 4), 1], [fmt(g.ndcg10, 4), 1], [fmt(g.secondsPerEpoch, 3), 1],
                 [g.speedup === null ? '-' : fmt(g.speedup, 2) + 'x', 1],
                 [g.reference || g.parameters === null ? '-' : Math.round(g.parameters).toLocaleString('en'), 1],
                 [g.failed + (g.error ? ' (' + g.error + ')' : ''), 1],
                 [g.versusPlain === null ? '-' : g.versusPlain]].forEach(function (cell) {
                  var td = document.createElement('td');
                  td.textContent = cell[0];
                  if (cell[1]) { td.className = 'num'; }
                  tr.appendChild(td);
                });
                body.appendChild(tr);
              });
              var points = 0;
              charts.forEach(function (c) {
                c.data.datasets.forEach(function (d, i) {
                  if (c.isDatasetVisible(i)) { points += c.getDatasetMeta(i).data.length; }
                });
              });
              document.getElementById('render-check').textContent = 'charts=' + charts.length + ' points=' + points
                  + ' rows=' + body.children.length + ' errors=' + window.bloomfitErrors.length;
            })();
            </script>
            </body>
            </html>
            """;
}
