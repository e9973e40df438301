import { createHash } from 'node:crypto';
import { countText, type Gap } from '../policy/gaps.js';
import type { DataMapEntry, PurposeRecord, ProcessingRecord, TransferEntry } from '../policy/record.js';
import { formatDuration } from '../policy/retention.js';
import { contactText } from './sheets.js';

/**
 * The record as one self-contained HTML page (report.html) for a DPO: summary, purpose × category
 * matrix, gaps, each purpose's Art. 30(1) record, the Art. 30(2) record, the data map and the
 * retention checks, with search and filters that work from the file, without a server.
 *
 * Every piece of text from a scan or a policy goes through `esc`. As a second line of defence the
 * page's Content-Security-Policy allows only the one script pdmap wrote (by its hash) and no
 * network access, so a hostile column name could not run or fetch anything even if it slipped through.
 */

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

const STYLE = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#dde2ea;--bg:#f6f7f9;--card:#fff;--accent:#1f4e9c;
--high:#b42318;--high-bg:#fef3f2;--medium:#b54708;--medium-bg:#fffaeb;--low:#175cd3;--low-bg:#eff8ff;--info:#475467;--info-bg:#f2f4f7;
--ok:#067647;--ok-bg:#ecfdf3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#14213d;color:#fff;padding:20px 32px 16px}
header.top h1{margin:0 0 4px;font-size:24px;font-weight:650}
header.top p{margin:0;color:#c9d3e6;font-size:14px}
nav.bar{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:10px 32px;display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center}
nav.bar a{color:var(--accent);text-decoration:none;font-weight:550;font-size:14px}
nav.bar .filters{margin-left:auto;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
nav.bar input,nav.bar select{font:inherit;font-size:14px;padding:5px 9px;border:1px solid #b8c0cc;border-radius:6px;background:#fff}
nav.bar input{width:220px}
nav.bar select{max-width:210px}
td.nowrap{white-space:nowrap}
#shown{font-size:13px;color:var(--muted);min-width:90px}
main{padding:8px 32px 48px;max-width:1500px}
section.block{margin-top:28px}
h2{font-size:20px;margin:0 0 6px}
h3{font-size:17px;margin:0 0 4px}
p.lead{margin:0 0 14px;color:var(--muted);max-width:900px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .n{font-size:26px;font-weight:700;line-height:1.2}
.card .l{color:var(--muted);font-size:13px}
.card.high .n{color:var(--high)}.card.medium .n{color:var(--medium)}
table{border-collapse:collapse;background:#fff;width:100%}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}
th{background:#eef2f8;font-weight:600}
.scroll{overflow-x:auto;border-radius:8px}
table.matrix td,table.matrix th{text-align:center;min-width:92px}
table.matrix th:first-child,table.matrix td:first-child{text-align:left;min-width:220px}
table.matrix th.extra{background:var(--high-bg);color:var(--high)}
td.c-found{background:var(--ok-bg);color:var(--ok);font-weight:600}
td.c-sugg{background:#f4f8ff;color:var(--accent);font-weight:600}
td.c-empty{color:#98a2b3}
td.c-undeclared{background:var(--high-bg);color:var(--high);font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:8px 0 0;font-size:13px;color:var(--muted)}
.legend span.sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin-right:5px;border:1px solid var(--line)}
.gap{background:#fff;border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;padding:12px 16px;margin:10px 0}
.gap.high{border-left-color:var(--high)}.gap.medium{border-left-color:var(--medium)}.gap.low{border-left-color:var(--low)}
.gap h3{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.gap p{margin:4px 0}
.gap .rule,.gap .fix{font-size:14px}
.gap .rule b,.gap .fix b{color:var(--muted);font-weight:600}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:650;letter-spacing:.02em;text-transform:uppercase}
.badge.high{background:var(--high-bg);color:var(--high)}.badge.medium{background:var(--medium-bg);color:var(--medium)}
.badge.low{background:var(--low-bg);color:var(--low)}.badge.info{background:var(--info-bg);color:var(--info)}
.count{color:var(--muted);font-size:14px;font-weight:500}
ul.locs{margin:4px 0 0;padding-left:20px;font-size:13px}
ul.locs li{word-break:break-all}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
.purpose{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin:12px 0}
.purpose h3 .num{display:inline-block;min-width:28px;height:28px;line-height:28px;text-align:center;border-radius:50%;background:var(--accent);color:#fff;margin-right:8px;font-size:15px}
dl.rec{display:grid;grid-template-columns:minmax(180px,260px) 1fr;gap:0;margin:10px 0 0;border-top:1px solid var(--line)}
dl.rec dt,dl.rec dd{margin:0;padding:7px 8px;border-bottom:1px solid var(--line);font-size:14px}
dl.rec dt{color:var(--muted);font-weight:600}
dl.rec dt small{display:block;font-weight:400;color:#8a93a3}
dl.rec ul{margin:0;padding-left:18px}
.pill{display:inline-block;border:1px solid var(--accent);color:var(--accent);border-radius:999px;padding:0 7px;font-size:12px;margin:1px 3px 1px 0;white-space:nowrap}
.pill.declared{background:var(--accent);color:#fff}
.pill.suggested{border-style:dashed}
.pill.none{border-color:var(--high);color:var(--high)}
.warn{color:var(--high);font-weight:600}
.muted{color:var(--muted)}
tbody.group th{background:#f8fafc;font-weight:600;text-align:left}
.conf{display:inline-block;width:54px;height:7px;background:#e4e7ec;border-radius:4px;vertical-align:middle;margin-right:6px;overflow:hidden}
.conf i{display:block;height:100%;background:var(--accent)}
.note{font-size:13px;color:var(--muted)}
[hidden]{display:none!important}
@media print{nav.bar{position:static}nav.bar .filters{display:none}[hidden]{display:revert!important}}
`;

/** Filters the page: text search (an item's text and its data-t), purpose, severity. Works on data-* attributes, no data in the script. */
const SCRIPT = `
(function(){
  var q=document.getElementById('q'),pp=document.getElementById('fp'),sv=document.getElementById('fs'),shown=document.getElementById('shown');
  function apply(){
    var t=q.value.trim().toLowerCase(),p=pp.value,s=sv.value,n=0,all=0;
    document.querySelectorAll('[data-f]').forEach(function(el){
      var ok=(!t||(el.textContent+' '+(el.getAttribute('data-t')||'')).toLowerCase().indexOf(t)>=0)
        &&(!p||(' '+(el.getAttribute('data-p')||'')+' ').indexOf(' '+p+' ')>=0)
        &&(!s||!el.hasAttribute('data-s')||el.getAttribute('data-s')===s);
      el.hidden=!ok;all++;if(ok)n++;
    });
    document.querySelectorAll('tbody.group').forEach(function(g){
      g.hidden=!g.querySelector('tr[data-f]:not([hidden])');
    });
    document.querySelectorAll('[data-empty-for]').forEach(function(m){
      var box=document.getElementById(m.getAttribute('data-empty-for'));
      m.hidden=!box||!!box.querySelector('[data-f]:not([hidden])');
    });
    shown.textContent=(t||p||s)?(n+' of '+all+' shown'):'';
  }
  [q,pp,sv].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  apply();
})();
`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

function list(items: readonly string[], empty = '<span class="muted">None stated</span>'): string {
  return items.length === 0 ? empty : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function transferText(t: TransferEntry): string {
  const sg = t.safeguards
    .map((s) => (s.code === 'eu-us-privacy-shield' ? `<span class="warn">${esc(s.label)}</span>` : esc(s.label)))
    .join('; ');
  return `${esc(t.description)} <span class="muted">Countries: ${esc(t.countries.join(', '))}.</span> Safeguards: ${sg}.`;
}

function purposePills(e: DataMapEntry): string {
  if (e.purposes.length === 0) return '<span class="pill none">none</span>';
  return e.purposes
    .map((p) => `<span class="pill ${p.kind}" title="${esc(`${p.kind}: ${p.because}`)}">${p.purpose}${p.kind === 'suggested' ? '?' : ''}</span>`)
    .join('');
}

function summarySection(r: ProcessingRecord): string {
  const s = r.summary;
  const card = (n: number | string, label: string, cls = '') => `<div class="card ${cls}"><div class="n">${esc(n)}</div><div class="l">${esc(label)}</div></div>`;
  return `<section class="block" id="summary">
<h2>Summary</h2>
<p class="lead">pdmap looked at ${plural(s.sources, 'data source')} and sampled the values of ${plural(s.fields, 'field')} in ${plural(s.containers, 'table or file', 'tables and files')}.
It compares what it found with the privacy policy: which purpose each piece of personal data serves, and where the data and the policy disagree.
Examples are masked; no real value appears in this report.</p>
<div class="cards">
${card(s.personalFields, 'personal-data fields')}
${card(s.containersWithPersonalData, 'tables and files with personal data')}
${card(`${s.purposesWithData} / ${s.purposes}`, 'purposes with data found')}
${card(s.fieldsUnlinked, 'fields linked to no purpose', s.fieldsUnlinked > 0 ? 'high' : '')}
${card(s.gaps.high, 'high-severity gaps', s.gaps.high > 0 ? 'high' : '')}
${card(s.gaps.medium, 'medium-severity gaps', s.gaps.medium > 0 ? 'medium' : '')}
${card(s.retention.overdueRows, 'rows past their retention period', s.retention.overdueRows > 0 ? 'high' : '')}
${card(`${s.fieldsDeclared} / ${s.fieldsSuggested}`, 'fields linked: declared / suggested')}
</div>
${s.partial ? '<p class="warn">The scan was interrupted: this record is partial.</p>' : ''}
${s.errors > 0 ? `<p class="warn">${plural(s.errors, 'table, file or source')} could not be read; see <a href="#errors">Scan errors</a>.</p>` : ''}
</section>`;
}

function matrixSection(r: ProcessingRecord): string {
  const cols = r.matrix.columns;
  const head = cols
    .map((c) => `<th class="${c.inPolicy ? '' : 'extra'}" title="${esc(c.pdmapCategories.join(', '))}">${esc(c.name)}${c.inPolicy ? '' : '<br><small>not in policy</small>'}</th>`)
    .join('');
  const body = r.matrix.rows
    .map((row) => {
      const cells = cols
        .map((col) => {
          const cell = r.matrix.cells.find((c) => c.purpose === row.purpose && c.column === col.id);
          if (!cell) return '<td></td>';
          if (cell.declared && cell.fields === 0) return '<td class="c-empty" title="declared, none found">declared</td>';
          if (cell.declared) {
            return cell.suggestedOnly
              ? `<td class="c-sugg" title="declared; found in fields linked by suggestion">✓ ${cell.fields}?</td>`
              : `<td class="c-found" title="declared and found">✓ ${cell.fields}</td>`;
          }
          return `<td class="c-undeclared" title="found but not declared for this purpose">⚠ ${cell.fields}</td>`;
        })
        .join('');
      const label = row.purpose === null ? `<span class="warn">${esc(row.name)}</span>` : `${row.purpose}. ${esc(row.name)}`;
      return `<tr><td>${label}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<section class="block" id="matrix">
<h2>Purposes × data categories</h2>
<p class="lead">Each row is a purpose of the policy, each column a category of personal data in the policy's words (red columns: found, but in no category of the policy). A number is the count of personal-data fields found.</p>
<div class="scroll"><table class="matrix" aria-label="Purpose by data category matrix"><thead><tr><th>Purpose</th>${head}</tr></thead><tbody>
${body}
</tbody></table></div>
<div class="legend"><span><span class="sw" style="background:var(--ok-bg)"></span>✓ declared and found</span>
<span><span class="sw" style="background:#f4f8ff"></span>✓ n? found in fields linked by suggestion</span>
<span><span class="sw"></span>declared, not found</span>
<span><span class="sw" style="background:var(--high-bg)"></span>⚠ found, not declared for the purpose</span></div>
</section>`;
}

const MAX_LOCS = 25;

function gapCard(g: Gap): string {
  const locs = g.locations.map((l) => `<li class="mono">${esc(l.key)}${l.note ? ` <span class="muted">— ${esc(l.note)}</span>` : ''}</li>`);
  const shown = locs.slice(0, MAX_LOCS).join('');
  const rest = locs.length > MAX_LOCS ? `<details><summary>${locs.length - MAX_LOCS} more</summary><ul class="locs">${locs.slice(MAX_LOCS).join('')}</ul></details>` : '';
  return `<article class="gap ${g.severity}" data-f data-s="${g.severity}" data-p="${g.purposes.join(' ')}" data-kind="${esc(g.kind)}" id="gap-${esc(g.id)}">
<h3><span class="badge ${g.severity}">${esc(g.severity)}</span>${esc(g.title)} <span class="count">${esc(countText(g.count, g.unit))}</span></h3>
<p>${esc(g.detail)}</p>
<p class="rule"><b>Rule:</b> ${esc(g.rule)}</p>
<p class="fix"><b>What to do:</b> ${esc(g.fix)}</p>
${locs.length ? `<ul class="locs">${shown}</ul>${rest}` : ''}
</article>`;
}

function gapsSection(r: ProcessingRecord): string {
  return `<section class="block" id="gaps">
<h2>Gaps between the data and the policy</h2>
<p class="lead">${plural(r.gaps.length, 'finding')}: ${r.summary.gaps.high} high, ${r.summary.gaps.medium} medium, ${r.summary.gaps.low} low, ${r.summary.gaps.info} for information. Each names the rule it breaks and what to do.</p>
<div id="gaplist">${r.gaps.map(gapCard).join('\n')}</div>
<p class="muted" data-empty-for="gaplist" hidden>No gap matches the filter.</p>
</section>`;
}

function purposeBlock(p: PurposeRecord): string {
  const cats = p.dataCategories.map(
    (c) => `${esc(c.name)} <span class="muted">(${esc(c.pdmapCategories.join(', '))})</span> — ${c.fields > 0 ? `${plural(c.fields, 'field')} found` : '<span class="muted">none found</span>'}`,
  );
  const undeclared = p.undeclaredFound.map((u) => `<span class="warn">${esc(u.label)}</span> — ${plural(u.fields, 'field')}: <span class="mono">${esc(u.locations.slice(0, 5).join(', '))}${u.locations.length > 5 ? ', …' : ''}</span>`);
  const locs = p.locations.map(
    (l) => `<span class="mono">${esc(l.key)}</span> — ${plural(l.fields, 'field')} (${esc(l.categories.join(', '))}) <span class="pill ${l.link}">${l.link}</span>`,
  );
  const basis = p.legalBasis.map((b) => esc(b.label));
  const consent = p.consentRequired
    ? p.consentRecords.length > 0
      ? list(p.consentRecords.map((c) => `<span class="mono">${esc(c)}</span>`))
      : '<span class="warn">No consent field found beside the data</span>'
    : '<span class="muted">Not applicable (no consent needed)</span>';
  return `<article class="purpose" id="purpose-${p.id}" data-f data-p="${p.id}">
<h3><span class="num">${p.id}</span>${esc(p.name)} ${p.gaps > 0 ? `<span class="badge high">${plural(p.gaps, 'gap')}</span>` : ''}</h3>
<dl class="rec">
<dt>Purpose of processing<small>Art. 30(1)(b)</small></dt><dd>${esc(p.description)}</dd>
<dt>Lawful basis<small>Art. 6(1)</small></dt><dd>${basis.join('; ')}${p.legitimateInterest ? `<br><span class="muted">Legitimate interest:</span> ${esc(p.legitimateInterest)}` : ''}${p.legalObligation ? `<br><span class="muted">Legal obligation:</span> ${esc(p.legalObligation)}` : ''}</dd>
<dt>Categories of data subjects<small>Art. 30(1)(c)</small></dt><dd>${list(p.dataSubjects.map((s) => esc(s.name)))}</dd>
<dt>Categories of personal data<small>Art. 30(1)(c)</small></dt><dd>${list(cats)}</dd>
${undeclared.length ? `<dt>Found but not declared</dt><dd>${list(undeclared)}</dd>` : ''}
<dt>Categories of recipients<small>Art. 30(1)(d)</small></dt><dd>${list(p.recipients.map((x) => `${esc(x.name)}${x.condition ? ` <span class="muted">— ${esc(x.condition)}</span>` : ''}`))}</dd>
<dt>Transfers to third countries<small>Art. 30(1)(e)</small></dt><dd>${list(p.transfers.map(transferText), '<span class="muted">None</span>')}</dd>
<dt>Retention<small>Art. 30(1)(f)</small></dt><dd>${list(p.retention.map((x) => esc(x.text)), '<span class="muted">No period stated in the policy</span>')}</dd>
<dt>Security measures<small>Art. 30(1)(g), Art. 32</small></dt><dd>${list(p.measures.map((m) => esc(m.name)))}</dd>
<dt>Sources of the data<small>Art. 14(2)(f)</small></dt><dd>${list(p.sources.map((x) => `${esc(x.name)}${x.consentRequired ? ' <span class="muted">(with consent)</span>' : ''}`))}</dd>
<dt>Rights available</dt><dd>${esc(p.rights.join(', '))}</dd>
<dt>Record of consent</dt><dd>${consent}</dd>
<dt>Location of personal data</dt><dd>${list(locs, '<span class="muted">No scanned table or file is linked to this purpose</span>')}</dd>
</dl>
</article>`;
}

function purposesSection(r: ProcessingRecord): string {
  return `<section class="block" id="purposes">
<h2>Record of processing activities — controller (Art. 30(1))</h2>
<p class="lead">Controller: <b>${esc(r.controller.name)}</b> — ${esc(contactText({ ...r.controller, name: undefined }) || 'contact details not stated in the policy')}.
${r.controller.dpo ? `Data protection officer: ${esc(contactText(r.controller.dpo))}.` : 'No data protection officer named in the policy.'}
${r.controller.jointControllers.length ? `Joint controllers: ${esc(r.controller.jointControllers.map(contactText).join('; '))}.` : ''}</p>
<div id="purposelist">${r.purposes.map(purposeBlock).join('\n')}</div>
<p class="muted" data-empty-for="purposelist" hidden>No purpose matches the filter.</p>
</section>`;
}

function processorSection(r: ProcessingRecord): string {
  const p = r.processor;
  if (!p) {
    return `<section class="block" id="processor"><h2>Record of processing activities — processor (Art. 30(2))</h2><p class="lead">The policy describes no processing on behalf of others.</p></section>`;
  }
  return `<section class="block" id="processor">
<h2>Record of processing activities — processor (Art. 30(2))</h2>
<p class="lead">${esc(p.description)}</p>
<div class="purpose"><dl class="rec">
<dt>Processor<small>Art. 30(2)(a)</small></dt><dd>${esc(p.processor.name)} — ${esc(contactText({ ...p.processor, name: undefined }) || 'contact details not stated in the policy')}${p.processor.dpo ? `<br>DPO: ${esc(contactText(p.processor.dpo))}` : ''}</dd>
<dt>On behalf of (controllers)<small>Art. 30(2)(a)</small></dt><dd>${esc(p.controllers)}</dd>
<dt>Categories of processing<small>Art. 30(2)(b)</small></dt><dd>${list(p.categoriesOfProcessing.map(esc))}</dd>
<dt>Sub-processors</dt><dd>${list(p.subProcessors.map((s) => esc(s.name)))}</dd>
<dt>Transfers to third countries<small>Art. 30(2)(c)</small></dt><dd>${list(p.transfers.map(transferText), '<span class="muted">None</span>')}</dd>
<dt>Security measures<small>Art. 30(2)(d)</small></dt><dd>${list(p.measures.map((m) => esc(m.name)))}</dd>
${p.agreement ? `<dt>Agreement</dt><dd>${esc(p.agreement)}</dd>` : ''}
</dl></div>
</section>`;
}

function dataMapSection(r: ProcessingRecord): string {
  const groups = new Map<string, DataMapEntry[]>();
  for (const e of r.dataMap) {
    const k = `${e.location.source}\u0000${e.location.container}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const body = [...groups.values()]
    .map((es) => {
      const l = (es[0] as DataMapEntry).location;
      const rows = es
        .map((e) => {
          const top = e.categories[0];
          const evidence = top
            ? `${top.matched} of ${top.sampled} values${top.namePattern ? `; name “${esc(top.namePattern)}”` : ''}`
            : '';
          const others = e.categories.slice(1).map((c) => `${esc(c.label)} ${pct(c.confidence)}`).join(', ');
          return `<tr data-f data-t="${esc(`${e.location.source} ${e.location.container}`)}" data-p="${e.purposes.map((p) => p.purpose).join(' ')}">
<td class="mono">${esc(e.location.field)}</td><td class="muted">${esc(e.dataType ?? '')}</td>
<td>${esc(top?.label ?? e.category ?? '')}${others ? `<br><small class="muted">also ${others}</small>` : ''}</td>
<td>${top?.policyCategory ? esc(r.matrix.columns.find((c) => c.id === top.policyCategory)?.name ?? top.policyCategory) : '<span class="warn">not in policy</span>'}</td>
<td class="nowrap"><span class="conf"><i style="width:${Math.round(e.confidence * 100)}%"></i></span>${pct(e.confidence)}</td>
<td>${evidence}<br><small class="muted">${esc(top?.reason ?? '')}</small></td>
<td class="mono">${esc((top?.examples ?? []).join(', '))}</td>
<td>${purposePills(e)}</td></tr>`;
        })
        .join('\n');
      return `<tbody class="group"><tr><th colspan="8"><span class="mono">${esc(l.source)}</span> · <span class="mono">${esc(l.container)}</span> <span class="muted">(${esc(l.containerType)}, ${plural(es.length, 'personal field')})</span></th></tr>
${rows}</tbody>`;
    })
    .join('\n');
  return `<section class="block" id="datamap">
<h2>Data map</h2>
<p class="lead">Every field that holds personal data, by store and table or file: the category, how sure pdmap is and why (values that matched, the field name), masked examples, and the purposes it is linked to.
<span class="pill declared">6</span> declared by a rule in the policy, <span class="pill suggested">6?</span> suggested from names, <span class="pill none">none</span> no purpose.</p>
<div class="scroll"><table class="datamap" id="datamaptable"><thead><tr><th>Field</th><th>Type</th><th>Category</th><th>Policy category</th><th>Confidence</th><th>Evidence</th><th>Masked examples</th><th>Purposes</th></tr></thead>
${body || '<tbody><tr><td colspan="8" class="muted">No personal data found.</td></tr></tbody>'}
</table></div>
<p class="muted" data-empty-for="datamaptable" hidden>No field matches the filter.</p>
</section>`;
}

function retentionSection(r: ProcessingRecord): string {
  if (r.retention.length === 0) {
    return `<section class="block" id="retention"><h2>Retention checks</h2><p class="lead">No scanned table falls under a retention period of the policy that pdmap can check.</p></section>`;
  }
  const rows = r.retention
    .map((x) => {
      const result =
        x.status === 'counted'
          ? x.overdue > 0
            ? `<span class="warn">${x.overdue} rows overdue</span>`
            : '<span style="color:var(--ok)">none overdue</span>'
          : `<span class="muted">${esc(x.status)}: ${esc(x.message)}</span>`;
      return `<tr data-f data-p="${x.purposes.join(' ')}"><td class="mono">${esc(`${x.source}.${x.container}`)}</td><td>${esc(x.rule.name)} <span class="muted">(purpose ${x.rule.purpose})</span></td>
<td>${esc(formatDuration(x.duration))} after ${esc(x.start.replace(/_/g, ' '))}</td><td class="mono">${esc(x.column ?? '—')}${x.columnSource ? ` <small class="muted">${esc(x.columnSource)}</small>` : ''}</td><td>${esc(x.cutoff.slice(0, 10))}</td><td>${result}</td></tr>`;
    })
    .join('\n');
  return `<section class="block" id="retention"><h2>Retention checks</h2>
<p class="lead">Rows older than the retention period, counted in the database (no rows were read). Where a table serves several purposes, the longest period applies.</p>
<div class="scroll"><table><thead><tr><th>Table</th><th>Rule</th><th>Period</th><th>Date column</th><th>Cutoff</th><th>Result</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function errorsSection(r: ProcessingRecord): string {
  if (r.errors.length === 0) return '';
  return `<section class="block" id="errors"><h2>Scan errors</h2><p class="lead">These could not be read; the rest of the scan went on.</p>
<div class="scroll"><table><thead><tr><th>Source</th><th>Table or file</th><th>Code</th><th>Message</th></tr></thead><tbody>
${r.errors.map((e) => `<tr><td class="mono">${esc(e.source)}</td><td class="mono">${esc(e.container ?? '')}</td><td>${esc(e.code)}</td><td>${esc(e.message)}</td></tr>`).join('\n')}
</tbody></table></div></section>`;
}

export function renderHtml(record: ProcessingRecord): string {
  const r = record;
  const purposeOptions = r.purposes.map((p) => `<option value="${p.id}">${p.id}. ${esc(p.name)}</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="pdmap ${esc(r.tool.version)}">
<title>Record of processing — ${esc(r.controller.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>Record of processing activities</h1>
<p>${esc(r.controller.name)} · ${esc(r.policy.title)}${r.policy.version ? ` (version ${esc(r.policy.version)})` : ''} · generated ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC by pdmap ${esc(r.tool.version)}</p>
</header>
<nav class="bar" aria-label="Sections">
<a href="#summary">Summary</a><a href="#matrix">Matrix</a><a href="#gaps">Gaps (${r.gaps.length})</a><a href="#purposes">Purposes</a><a href="#processor">Processor</a><a href="#datamap">Data map</a><a href="#retention">Retention</a>
<span class="filters">
<input id="q" type="search" placeholder="Search tables, fields, gaps…" aria-label="Search">
<select id="fp" aria-label="Purpose"><option value="">All purposes</option>${purposeOptions}</select>
<select id="fs" aria-label="Severity"><option value="">All severities</option><option value="high">High</option><option value="medium">Medium</option><option value="low">Low</option><option value="info">Information</option></select>
<span id="shown" aria-live="polite"></span>
</span>
</nav>
<main>
${summarySection(r)}
${matrixSection(r)}
${gapsSection(r)}
${purposesSection(r)}
${processorSection(r)}
${dataMapSection(r)}
${retentionSection(r)}
${errorsSection(r)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
