/* resdex serve's page. Plain JavaScript, no library. Every piece of
 * document text goes into the page through textContent (el() below), never
 * as markup, so a document holding <script> shows it as text. Every state
 * is in the URL: /?q=...&lang=..&kind=..&sort=..&offset=.. for the hits,
 * &id=SYMBOL%23ANCHOR&plang=.. for a resolution. The renderers are tables
 * (HIT_PARTS, RES_PARTS, CHECK_PARTS): a new field of a hit (folding's
 * "also", the metadata's "adoption", the draft check's report) is one row. */
'use strict';

const LANGS = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];
const LANG_NAMES = {en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', ar: 'العربية', zh: '中文', de: 'Deutsch'};
const RTL = {ar: true};
const PAGE = 10;
/* The filters shown as lists of values with their counts (the search's
 * facets); kind and language are the selects, their counts in the options. */
const FACETS = [['body', 'Body'], ['year', 'Year'], ['verb', 'Verb'], ['adopted', 'Adopted by'], ['sdg', 'Sustainable Development Goal'], ['subject', 'Subject'], ['sponsor', 'Sponsor']];

/* An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function langAttrs(lang) {
  return {lang: lang || null, dir: RTL[lang] ? 'rtl' : null};
}

/* The snippet's [highlights] as <mark> runs; adjacent ones separated only by
 * spaces joined, so that a matched phrase is one run. */
function highlighted(snippet) {
  const out = [];
  const re = /\[([^\[\]]*)\]/g;
  let at = 0, m, last = null;
  while ((m = re.exec(snippet)) !== null) {
    const between = snippet.slice(at, m.index);
    if (last && /^\s*$/.test(between)) {
      last.textContent += between + m[1];
    } else {
      if (between) out.push(document.createTextNode(between));
      last = el('mark', {text: m[1]});
      out.push(last);
    }
    at = re.lastIndex;
  }
  if (at < snippet.length) out.push(document.createTextNode(snippet.slice(at)));
  return out;
}

/* ---- the URL is the state ---- */

function state() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of ['q', 'lang', 'kind', 'sort', 'offset', 'id', 'plang', ...FACETS.map(f => f[0])]) s[k] = p.get(k) || '';
  return s;
}

function go(changes, replace) {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === '' || v === null || v === undefined) p.delete(k); else p.set(k, v);
  }
  const url = '/?' + p.toString();
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

async function api(path, options) {
  const r = await fetch(path, options);
  let body = null;
  try { body = await r.json(); } catch (e) { body = {error: 'the server answered ' + r.status}; }
  if (!r.ok) {
    const err = new Error(body && body.error ? body.error : 'HTTP ' + r.status);
    err.status = r.status;
    err.position = body && body.position;
    throw err;
  }
  return body;
}

function say(text) {
  document.getElementById('status').textContent = text;
}

/* ---- citations ---- */

function citation(hit) {
  if (hit.cite) return hit.cite;
  const r = hit.resolution || {}, p = hit.paragraph || {};
  let where = '';
  if (p.number) where = ', paragraph ' + p.number + (p.item ? ' (' + p.item + ')' : '');
  else if (p.kind === 'preambular') where = ', preambular paragraph';
  return (r.symbol || hit.id) + where;
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const t = el('textarea', {'aria-hidden': 'true', class: 'offscreen'});
    t.value = text;
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
  button.dataset.copied = text;
  say('Copied: ' + text);
}

/* ---- the parts of a hit, in order: key, renderer ---- */

function contextLine(r) {
  const bits = [[r.body, r.doc_type, r.number].filter(Boolean).join(' '), r.date];
  if (r.recommended_by) bits.push('recommended by ' + r.recommended_by);
  if (r.lang && r.lang !== 'en') bits.push(LANG_NAMES[r.lang] || r.lang);
  return bits.filter(Boolean).join(' · ');
}

function paragraphLabel(p) {
  let s = p.kind || '';
  if (p.number) s += ' ' + p.number;
  if (p.item) s += (p.number ? '' : ' ') + '(' + p.item + ')';
  if (p.verb) s += ' · ' + p.verb;
  return s;
}

function footnoteList(notes) {
  if (!notes || !notes.length || typeof notes[0] !== 'object') return null;
  return el('ol', {class: 'notes', 'aria-label': 'Footnotes'},
    notes.map(n => el('li', {}, el('span', {class: 'mark', text: '[' + n.mark + ']'}), ' ', n.text)));
}

function diffView(ops) {
  return el('p', {class: 'diff'}, ops.map(o =>
    o.op === 'insert' ? el('ins', {text: o.text}) : o.op === 'delete' ? el('del', {text: o.text}) : document.createTextNode(o.text)));
}

/* Fields shown by their own row; any other field of a hit is listed
 * generically at the end, so a new one is never lost. */
const HIT_PARTS = [
  ['rank', null], ['score', null], ['id', null],
  ['resolution', (v, hit) => el('div', {class: 'head'},
    el('a', {href: resolutionUrl(hit.id, v.lang), class: 'open', 'data-id': hit.id}, v.symbol || hit.id),
    ' ', el('span', {class: 'context', text: contextLine(v)}),
    v.title ? el('div', {class: 'title', ...langAttrs(v.lang), text: v.title}) : null)],
  ['paragraph', (v, hit) => el('div', {},
    el('div', {class: 'label', text: paragraphLabel(v)}),
    el('p', {class: 'text', ...langAttrs(hit.resolution && hit.resolution.lang)}, v.snippet ? highlighted(v.snippet) : v.text))],
  ['footnotes', v => footnoteList(v)],
  ['also', v => Array.isArray(v) && v.length ? el('p', {class: 'also'}, 'Also in ',
    v.map((a, i) => [i ? ', ' : '', el('a', {href: resolutionUrl(a.id || a, null)}, a.cite || a.symbol || a.id || String(a)),
      a.punctuation_differs ? ' (punctuation differs)' : ''])) : null],
  ['adoption', v => v && typeof v === 'object' ? el('p', {class: 'adoption', text:
    [v.method, v.in_favour !== undefined ? v.in_favour + ' in favour' : '', v.against !== undefined ? v.against + ' against' : '',
      v.abstaining !== undefined ? v.abstaining + ' abstaining' : ''].filter(Boolean).join(' · ')}) : null],
  ['similarity', v => el('p', {class: 'similarity', text: 'similarity ' + v})],
  ['diff', v => v && v.length ? diffView(v) : null],
  ['tags', v => v && v.length ? el('p', {class: 'tags', text: 'Topics: ' + v.join(', ')}) : null],
  ['cites', v => v && v.length ? el('p', {class: 'cites', text: 'Cites: ' + v.join(', ')}) : null],
  /* How many resolutions cite the hit's: a link to their paragraphs. */
  ['cited_by', (v, hit) => typeof v === 'number' && v > 0 && hit.resolution ? el('p', {class: 'cited-by'},
    el('a', {href: '/?' + new URLSearchParams({q: 'cites:' + hit.resolution.symbol, kind: 'all'}).toString()},
      'Cited by ' + v + (v === 1 ? ' resolution' : ' resolutions'))) : null],
  ['cite', null], ['next', null],
];

function genericField(key, v) {
  if (v === null || v === undefined || (Array.isArray(v) && !v.length)) return null;
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return el('p', {class: 'field-' + key.replace(/[^a-z_]/gi, '')}, el('span', {class: 'key', text: key + ': '}), text);
}

function renderHit(hit, asItem) {
  const known = new Set(HIT_PARTS.map(p => p[0]));
  const parts = HIT_PARTS.filter(([k, f]) => f && k in hit).map(([k, f]) => f(hit[k], hit));
  for (const k of Object.keys(hit)) if (!known.has(k)) parts.push(genericField(k, hit[k]));
  const cite = citation(hit);
  const actions = el('div', {class: 'actions'},
    el('button', {type: 'button', class: 'copy', 'aria-label': 'Copy the citation ' + cite,
      onclick: e => copyText(cite, e.currentTarget)}, 'Copy citation'),
    el('a', {href: resolutionUrl(hit.id, hit.resolution && hit.resolution.lang)}, 'Open in its resolution'));
  return el(asItem ? 'li' : 'div', {class: 'hit', 'data-id': hit.id}, parts, actions);
}

function resolutionUrl(id, lang) {
  const p = new URLSearchParams(location.search);
  p.set('id', id);
  if (lang) p.set('plang', lang); else p.delete('plang');
  return '/?' + p.toString();
}

/* ---- the search ---- */

function fullQuery(s) {
  const parts = [s.q];
  /* A value with a space ("Calls upon") is one phrase of its filter. */
  for (const [k] of FACETS) if (s[k]) parts.push(k + ':' + (/\s/.test(s[k]) ? '"' + s[k] + '"' : s[k]));
  if (s.kind && s.kind !== 'all') parts.push('kind:' + s.kind);
  return parts.join(' ');
}

/* The kind and language selects' options with the query's counts (the
 * index's, for the languages, when there is no query). */
let shownFacets = null; /* the last search's, for the options added late */

function countOptions(facets) {
  shownFacets = facets;
  const kinds = facets && facets.kind;
  for (const o of document.getElementById('f-kind').options) {
    o.textContent = o.dataset.name || (o.dataset.name = o.textContent);
    if (!kinds) continue;
    const n = o.value === '' ? (kinds.operative || 0) + (kinds.annex || 0)
      : o.value === 'all' ? Object.values(kinds).reduce((a, b) => a + b, 0) : kinds[o.value] || 0;
    o.textContent += ' (' + n + ')';
  }
  const langs = facets ? facets.lang : indexLangs;
  for (const o of document.getElementById('f-lang').options)
    if (o.value) o.textContent = (LANG_NAMES[o.value] || o.value) + ' (' + ((langs && langs[o.value]) || 0) + ')';
}

function renderFacets(facets, s) {
  countOptions(facets && facets.kind ? facets : null);
  const box = document.getElementById('facets');
  box.replaceChildren();
  for (const [key, title] of FACETS) {
    const counts = facets && facets[key];
    if (!counts || !Object.keys(counts).length) continue;
    const list = el('ul', {});
    for (const [value, n] of Object.entries(counts).slice(0, 12)) {
      const on = s[key] === value;
      list.append(el('li', {}, el('button', {type: 'button', 'aria-pressed': on ? 'true' : 'false',
        onclick: () => go({[key]: on ? '' : value, offset: ''})}, value + ' ', el('span', {class: 'count', text: '(' + n + ')'}))));
    }
    box.append(el('section', {'aria-label': title}, el('h3', {text: title}), list));
  }
}

async function renderSearch(s) {
  const hits = document.getElementById('hits');
  const pager = document.getElementById('pager');
  if (!s.q) {
    hits.replaceChildren();
    pager.replaceChildren();
    renderFacets(null, s);
    say('Type words, a "phrase" or filters, then Enter.');
    return;
  }
  const p = new URLSearchParams({q: fullQuery(s), limit: PAGE, facets: 1});
  if (s.offset) p.set('offset', s.offset);
  if (s.lang) p.set('lang', s.lang);
  if (s.sort) p.set('sort', s.sort);
  if (s.kind === 'all' || s.kind === 'preambular' || s.kind === 'other') p.set('all', 1);
  say('Searching…');
  let r;
  try {
    r = await api('/api/search?' + p.toString());
  } catch (e) {
    hits.replaceChildren();
    pager.replaceChildren();
    say((e.status === 400 ? 'The query is not understood: ' : 'The search failed: ') + e.message);
    return;
  }
  hits.replaceChildren(...r.hits.map(h => renderHit(h, true)));
  hits.start = (r.offset || 0) + 1;
  renderFacets(r.facets, s);
  const total = (r.total_exact ? '' : 'about ') + r.total;
  say(r.hits.length ? 'Hits ' + ((r.offset || 0) + 1) + ' to ' + ((r.offset || 0) + r.hits.length) + ' of ' + total +
    (r.lang ? ' (' + (LANG_NAMES[r.lang] || r.lang) + ')' : '') : 'Nothing found for ' + r.query + '.');
  pager.replaceChildren();
  const off = r.offset || 0;
  if (off > 0) pager.append(el('button', {type: 'button', onclick: () => go({offset: Math.max(0, off - PAGE) || ''})}, '← Previous'));
  if (off + r.hits.length < r.total) pager.append(el('button', {type: 'button', onclick: () => go({offset: off + PAGE})}, 'Next →'));
}

/* ---- a resolution, its paragraph in focus ---- */

function splitId(id) {
  const i = id.lastIndexOf('#');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
}

async function renderResolution(s) {
  const [symbol, anchor] = splitId(s.id);
  const lang = s.plang || '';
  let res;
  try {
    res = await api('/api/show?' + new URLSearchParams({id: symbol, lang}).toString());
  } catch (e) {
    say('Cannot show ' + s.id + ': ' + e.message);
    return;
  }
  document.getElementById('res-title').replaceChildren(el('span', {text: res.symbol}), ' ',
    el('span', {class: 'title', ...langAttrs(res.lang), text: res.title || ''}));
  document.getElementById('res-context').textContent = contextLine(res);
  const langs = document.getElementById('res-langs');
  langs.replaceChildren(...LANGS.map(l => el('button', {type: 'button', lang: l, 'aria-pressed': l === res.lang ? 'true' : 'false',
    onclick: () => go({plang: l}, false)}, LANG_NAMES[l])));
  const list = document.getElementById('res-paragraphs');
  list.replaceChildren();
  let focus = null;
  for (const p of res.paragraphs) {
    const [, a] = splitId(p.id || '');
    const li = el('li', {id: 'p-' + a, class: 'paragraph' + (a === anchor ? ' focus' : '')},
      el('div', {class: 'label'}, el('a', {href: resolutionUrl(p.id, res.lang)}, paragraphLabel(p))),
      el('p', {class: 'text', ...langAttrs(res.lang), text: p.text}),
      p.footnotes && p.footnotes.length ? el('p', {class: 'marks', text: 'Footnotes ' + p.footnotes.join(', ')}) : null,
      a === anchor ? null : el('button', {type: 'button', class: 'used', onclick: () => go({id: p.id, plang: res.lang})}, 'Where was this used before?'));
    if (a === anchor) focus = li;
    list.append(li);
  }
  document.getElementById('res-notes').replaceChildren(...(res.footnotes || []).map(n =>
    el('li', {...langAttrs(res.lang)}, el('span', {class: 'mark', text: '[' + n.mark + ']'}), ' ', n.text)));
  say(res.symbol + ': ' + res.paragraphs.length + ' paragraphs' + (anchor ? ', paragraph ' + anchor + ' in focus' : ''));
  const box = document.getElementById('focus');
  const side = document.getElementById('side');
  const history_ = document.getElementById('history');
  side.replaceChildren();
  history_.replaceChildren();
  box.hidden = !focus;
  if (focus) {
    /* The paragraph first, then its other languages and its history;
     * the whole resolution below, the paragraph marked there too. */
    document.getElementById('focus-para').replaceChildren(
      el('div', {class: 'label'}, el('a', {href: '#' + focus.id}, 'Paragraph ' + anchor + ' in the resolution below')),
      el('p', {class: 'text', ...langAttrs(res.lang), text: focus.querySelector('.text').textContent}));
    window.scrollTo(0, 0);
    box.focus({preventScroll: true});
    renderSideBySide(symbol, anchor, res.lang, side);
    renderHistory(symbol + '#' + anchor, history_);
  } else {
    document.getElementById('res-title').focus();
  }
}

/* The paragraph in every language the index has it in, side by side. */
async function renderSideBySide(symbol, anchor, shown, box) {
  const answers = await Promise.all(LANGS.map(l =>
    api('/api/show?' + new URLSearchParams({id: symbol + '#' + anchor, lang: l}).toString()).catch(() => null)));
  const cols = answers.map((h, i) => h && h.resolution && h.resolution.lang === LANGS[i] ? h : null).filter(Boolean);
  if (cols.length < 2) return;
  box.append(el('h3', {text: 'This paragraph in ' + cols.length + ' languages'}),
    el('div', {class: 'columns'}, cols.map(h => el('section', {class: 'column' + (h.resolution.lang === shown ? ' current' : ''),
      'aria-label': LANG_NAMES[h.resolution.lang] || h.resolution.lang, ...langAttrs(h.resolution.lang)},
      el('h4', {text: LANG_NAMES[h.resolution.lang] || h.resolution.lang}),
      el('p', {class: 'text', text: h.paragraph.text}), footnoteList(h.footnotes)))));
}

/* Where was this used before: the closest precedents and the lineage. */
async function renderHistory(id, box) {
  const q = new URLSearchParams({id, limit: 5});
  const [sim, lin] = await Promise.all([
    api('/api/similar?' + q.toString(), {method: 'POST'}).catch(e => ({error: e.message})),
    api('/api/similar?' + new URLSearchParams({id, lineage: 1}).toString(), {method: 'POST'}).catch(e => ({error: e.message}))]);
  const part = (title, r, empty) => el('section', {class: 'used-before', 'aria-label': title}, el('h3', {text: title}),
    r.error ? el('p', {text: r.error}) : r.hits.length ? el('ol', {class: 'hits'}, r.hits.map(h => renderHit(h, true))) : el('p', {text: empty}));
  box.append(part('Where was this used before', sim, 'No other paragraph says nearly the same.'),
    part('Its earlier versions, oldest first', lin, 'No earlier version found.'));
}

/* ---- the draft check: the report's parts, one row each ---- */

const CHECK_PARTS = [
  ['n', v => el('span', {class: 'n', text: '¶ ' + v + ' '})],
  ['status', v => el('span', {class: 'status-' + v, text: v})],
  ['text', v => el('p', {class: 'text', text: v})],
  ['similarity', v => el('span', {class: 'similarity', text: 'similarity ' + v})],
  ['diff', v => v && v.length ? diffView(v) : null],
  ['verb', v => v && typeof v === 'object' ? el('p', {class: 'verb', text: 'verb: ' + [v.from, v.to].filter(Boolean).join(' → ') + (v.change ? ' (' + v.change + ')' : '')}) : null],
  ['qualifiers', v => v && typeof v === 'object' ? el('p', {class: 'qualifiers', text:
    [v.added && v.added.length ? 'added: ' + v.added.join(', ') : '', v.dropped && v.dropped.length ? 'dropped: ' + v.dropped.join(', ') : ''].filter(Boolean).join(' · ')}) : null],
  ['precedent', v => v ? renderHit(v, false) : null],
];

async function checkDraft(ev) {
  ev.preventDefault();
  const out = document.getElementById('check-report');
  const file = document.getElementById('draft-file').files[0];
  const body = file ? file : document.getElementById('draft').value;
  out.replaceChildren(el('p', {text: 'Checking…'}));
  try {
    const r = await api('/api/check', {method: 'POST', body});
    const rows = (r.paragraphs || r).map ? (r.paragraphs || r) : [];
    out.replaceChildren(el('ol', {class: 'check'}, rows.map(p => el('li', {}, CHECK_PARTS.filter(([k]) => k in p).map(([k, f]) => f(p[k], p))))));
  } catch (e) {
    out.replaceChildren(el('p', {class: 'error', text: 'The draft check is not available: ' + e.message}));
  }
}

/* ---- the page ---- */

/* The query language's help from the library's schema: a field added to
 * the parser (adopted:, sdg:, sponsor: ...) appears here by itself. */
async function loadFields() {
  try {
    const fields = await api('/api/fields');
    const list = document.querySelector('#qhelp ul');
    for (const f of fields) {
      list.append(el('li', {'data-field': f.name}, el('code', {text: f.example}), ' — ', f.help,
        f.values ? ' (' + f.values + ')' : ''));
    }
  } catch (e) { /* the static lines stay */ }
}

let indexLangs = null; /* paragraphs per language in the index */

async function loadLanguages() {
  try {
    const st = await api('/api/stats');
    const sel = document.getElementById('f-lang');
    indexLangs = st.by_lang || {};
    for (const [l, n] of Object.entries(indexLangs)) sel.append(el('option', {value: l}, (LANG_NAMES[l] || l) + ' (' + n + ')'));
    sel.value = state().lang;
    countOptions(shownFacets);
  } catch (e) { /* the search says why */ }
}

function render() {
  const s = state();
  document.getElementById('q').value = s.q;
  document.getElementById('f-lang').value = s.lang;
  document.getElementById('f-kind').value = s.kind;
  document.getElementById('f-sort').value = s.sort;
  const inRes = !!s.id;
  document.getElementById('results-view').hidden = inRes;
  document.getElementById('check-view').hidden = inRes;
  document.getElementById('resolution-view').hidden = !inRes;
  const back = new URLSearchParams(location.search);
  back.delete('id');
  back.delete('plang');
  document.getElementById('back').href = '/?' + back.toString();
  document.title = (s.id ? s.id + ' — ' : s.q ? s.q + ' — ' : '') + 'resdex';
  return inRes ? renderResolution(s) : renderSearch(s);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('search').addEventListener('submit', ev => {
    ev.preventDefault();
    go({q: document.getElementById('q').value.trim(), offset: '', id: '', plang: ''});
  });
  for (const [id, key] of [['f-lang', 'lang'], ['f-kind', 'kind'], ['f-sort', 'sort']])
    document.getElementById(id).addEventListener('change', ev => go({[key]: ev.target.value, offset: ''}));
  document.getElementById('check').addEventListener('submit', checkDraft);
  document.getElementById('back').addEventListener('click', ev => { ev.preventDefault(); go({id: '', plang: ''}); });
  /* Links inside the page move the state without reloading it. */
  document.addEventListener('click', ev => {
    const a = ev.target.closest('a[href^="/?"]');
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    render();
  });
  window.addEventListener('popstate', render);
  loadLanguages();
  loadFields();
  render();
});
