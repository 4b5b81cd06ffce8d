namespace Softswitch.Api.Vos.Catalog;

/// <summary>
/// The test page of 001_… §2.3 ("可测试接口汇总页面" + "测试接口交互格式样例"): every interface from /openapi.json
/// with its fields, a JSON editor pre-filled with the example, and a Send button. Self-contained (inline CSS and
/// script, no CDN) so it works on a closed network. Element ids are relied on by the browser test. The examples'
/// date ranges (beginTime/endTime, fixed in /openapi.json) are shown as the switch's today, so GetCdr and the reports
/// find today's calls: <see cref="Render"/> puts that day into the page.
/// </summary>
internal static class VosTestPage
{
    private const string TodayPlaceholder = "{{SWITCH_TODAY}}";

    /// <summary>The page with <paramref name="time"/>'s current day (its local time zone, as GetCdr reads dates) filled in.</summary>
    public static string Render(TimeProvider time) => Html.Replace(TodayPlaceholder,
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        StringComparison.Ordinal);

    private const string Html = """
<!DOCTYPE html>
<html lang="en" data-today="{{SWITCH_TODAY}}">
<head>
<meta charset="utf-8">
<title>Softswitch VOS3000 interface test page</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; display: flex; height: 100vh; color: #222; }
  nav { width: 290px; border-right: 1px solid #ccc; overflow-y: auto; background: #f7f7f7; }
  nav input { width: calc(100% - 20px); margin: 8px; padding: 4px; box-sizing: border-box; }
  nav button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 4px 10px; cursor: pointer; font: inherit; }
  nav button:hover { background: #e6eefc; }
  nav button.active { background: #cddcf7; font-weight: bold; }
  nav .sec { color: #777; display: inline-block; width: 42px; }
  nav .ext { color: #a60; font-size: 11px; }
  main { flex: 1; padding: 12px 20px; overflow-y: auto; }
  h1 { font-size: 18px; margin: 0 0 4px; }
  table { border-collapse: collapse; margin: 8px 0; }
  td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: left; }
  th { background: #eee; }
  textarea { width: 100%; height: 220px; font: 13px monospace; box-sizing: border-box; }
  pre { background: #f4f4f4; padding: 8px; border: 1px solid #ddd; white-space: pre-wrap; min-height: 40px; }
  .ok { color: #080; } .fail { color: #b00; }
  #token { width: 300px; }
</style>
</head>
<body>
<nav>
  <input id="filter" placeholder="filter interfaces" autocomplete="off">
  <div id="endpoints">loading /openapi.json ...</div>
</nav>
<main>
  <h1 id="title">Select an interface</h1>
  <div id="summary"></div>
  <table id="fields"><thead><tr><th>field</th><th>type</th><th>M/O</th></tr></thead><tbody></tbody></table>
  <textarea id="body" spellcheck="false"></textarea>
  <p>
    <button id="send" disabled>Send</button>
    <button id="reset" disabled>Reset to example</button>
    <label>Bearer token (only if api.bearerToken is set): <input id="token" type="password" autocomplete="off"></label>
  </p>
  <div>Status: <span id="status"></span></div>
  <pre id="response"></pre>
</main>
<script>
"use strict";
const state = { entries: [], current: null };
const $ = id => document.getElementById(id);
const today = /^\d{8}$/.test(document.documentElement.dataset.today || "") ? document.documentElement.dataset.today : null;

// A date range in an example becomes today: yyyyMMdd as is, yyyyMMddHHmmss from 00:00:00 to 23:59:59.
function withToday(example) {
  if (!today || !example || typeof example !== "object" || Array.isArray(example)) return example;
  const copy = Object.assign({}, example);
  for (const [key, time] of [["beginTime", "000000"], ["endTime", "235959"]]) {
    if (typeof copy[key] !== "string") continue;
    if (/^\d{8}$/.test(copy[key])) copy[key] = today;
    else if (/^\d{14}$/.test(copy[key])) copy[key] = today + time;
  }
  return copy;
}

function typeName(schema) {
  if (!schema) return "?";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array") return typeName(schema.items) + "[]";
  if (schema.type === "integer") return schema.format === "int64" ? "Long" : "Integer";
  if (schema.type === "number") return "Double";
  if (schema.type === "boolean") return "Boolean";
  if (schema.type === "string") return "String";
  return schema.type || "object";
}

function fieldsOf(schema, prefix, rows) {
  const required = new Set(schema.required || []);
  for (const [name, prop] of Object.entries(schema.properties || {})) {
    rows.push({ name: prefix + name, type: typeName(prop), mandatory: required.has(name) });
    if (prop.type === "object" && prop.properties) fieldsOf(prop, prefix + name + ".", rows);
  }
  return rows;
}

function load(doc) {
  for (const [path, item] of Object.entries(doc.paths)) {
    const op = item.post, media = op.requestBody.content["application/json"];
    state.entries.push({
      name: path.split("/").pop(), path: path, summary: op.summary, section: op["x-vos-section"],
      extension: op["x-vos-extension"], fields: fieldsOf(media.schema, "", []), example: media.example
    });
  }
  renderList();
}

function renderList() {
  const filter = $("filter").value.toLowerCase(), list = $("endpoints");
  list.textContent = "";
  for (const e of state.entries) {
    if (filter && !e.name.toLowerCase().includes(filter) && !e.summary.toLowerCase().includes(filter)) continue;
    const b = document.createElement("button");
    b.dataset.name = e.name;
    b.title = e.summary;
    const sec = document.createElement("span");
    sec.className = "sec";
    sec.textContent = e.section;
    b.append(sec, e.name);
    if (e.extension) {
      const x = document.createElement("span");
      x.className = "ext";
      x.textContent = " ext";
      b.append(x);
    }
    if (state.current === e) b.className = "active";
    b.onclick = () => select(e);
    list.append(b);
  }
}

function select(e) {
  state.current = e;
  $("title").textContent = e.name + "  (" + e.path + ")";
  $("summary").textContent = "§" + e.section + (e.extension ? " (project extension, not in the manual)" : "") + ": " + e.summary;
  const body = $("fields").tBodies[0];
  body.textContent = "";
  for (const f of e.fields) {
    const tr = body.insertRow();
    tr.dataset.field = f.name;
    tr.insertCell().textContent = f.name;
    tr.insertCell().textContent = f.type;
    tr.insertCell().textContent = f.mandatory ? "M" : "O";
  }
  $("body").value = JSON.stringify(withToday(e.example), null, 2);
  $("send").disabled = $("reset").disabled = false;
  $("status").textContent = "";
  $("status").className = "";
  $("response").textContent = "";
  renderList();
}

async function send() {
  const e = state.current;
  if (!e) return;
  $("status").textContent = "sending...";
  $("status").className = "";
  $("response").textContent = "";
  const headers = { "Content-Type": "application/json; charset=utf-8" };
  if ($("token").value) headers["Authorization"] = "Bearer " + $("token").value;
  try {
    const r = await fetch(e.path, { method: "POST", headers: headers, body: $("body").value });
    const text = await r.text();
    let shown = text, retCode = null;
    try { const json = JSON.parse(text); retCode = json.retCode; shown = JSON.stringify(json, null, 2); } catch (_) { }
    $("status").textContent = "HTTP " + r.status + ", retCode " + retCode;
    $("status").className = r.ok && retCode === 0 ? "ok" : "fail";
    $("response").textContent = shown;
  } catch (err) {
    $("status").textContent = "request failed: " + err;
    $("status").className = "fail";
  }
}

$("send").onclick = send;
$("reset").onclick = () => state.current && select(state.current);
$("filter").oninput = renderList;
fetch("/openapi.json")
  .then(r => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
  .then(load)
  .catch(err => { $("endpoints").textContent = "cannot load /openapi.json: " + err; });
</script>
</body>
</html>
""";
}
