// browser.mjs - resdex serve's page in headless chromium (run by
// browser.sh, which starts the server: URL, CHROMIUM). Each step is what a
// delegate does: type a query, open a hit, switch the language, look at a
// hostile document, check a draft. A failed step prints FAIL and the run
// exits 1; the browser's console errors (a CSP violation among them) fail it.
// RESDEX_SCREENSHOTS=DIR: the screenshots of doc/ are taken on the way.
import puppeteer from 'puppeteer-core';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';

const URL = process.env.URL.replace(/\/$/, '');
const SHOTS = process.env.RESDEX_SCREENSHOTS || '';
let failures = 0, passes = 0;
function check(what, ok, detail) {
  if (ok) passes++;
  else { failures++; console.error('FAIL: ' + what + (detail !== undefined ? ': ' + JSON.stringify(detail) : '')); }
}
async function shot(page, name) {
  if (SHOTS) await page.screenshot({path: path.join(SHOTS, name), fullPage: false});
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--lang=en-GB'],
});
const page = await browser.newPage();
await page.setViewport({width: 1280, height: 900});
const problems = [];
// A 404 of a language the paragraph is not in:
// expected answers, not problems. A CSP violation ("Refused to ...") is one.
page.on('console', m => { if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 404/.test(m.text())) problems.push(m.text()); });
page.on('pageerror', e => problems.push(String(e)));
page.on('dialog', async d => { problems.push('dialog: ' + d.message()); await d.dismiss(); });
const settle = () => page.waitForFunction(() => !/…$/.test(document.getElementById('status').textContent));

try {
  // The page loads, its landmarks and labels are there.
  await page.goto(URL + '/', {waitUntil: 'networkidle0'});
  check('a search landmark', await page.$('form[role=search]') !== null);
  check('the search box is labelled', await page.$eval('label[for=q]', l => l.textContent.trim()) === 'Search the paragraphs');
  check('main and navigation landmarks', await page.$$eval('main, nav[aria-label]', e => e.length) >= 2);
  check('the query help lists the schema\'s fields', await page.$$eval('#qhelp li[data-field]', l => l.map(x => x.dataset.field)).then(f => f.includes('year') && f.includes('cites')));
  const langs = await page.$$eval('#f-lang option', o => o.map(x => x.value));
  check('Arabic and Chinese offered', langs.includes('ar') && langs.includes('zh'), langs);

  // Type a query; the hits come, the phrase is one highlighted run, the URL has it.
  await page.focus('#q');
  await page.keyboard.type('"alternatives to imprisonment"');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#hits li.hit');
  await settle();
  check('the query is in the URL', new window_URL(page.url()).searchParams.get('q') === '"alternatives to imprisonment"', page.url());
  const marks = await page.$$eval('#hits li.hit:first-child mark', m => m.map(x => x.textContent));
  check('the matched phrase highlighted as one run', marks.length >= 1 && marks.every(t => /^alternatives to imprisonment$/i.test(t)), marks);
  check('a status says how many', /^Hits 1 to \d+ of \d+/.test(await page.$eval('#status', s => s.textContent)));
  check('facet counts by body', (await page.$$eval('#facets button', b => b.map(x => x.textContent))).some(t => /^ECOSOC \(\d+\)$/.test(t)));
  const kinds = await page.$$eval('#f-kind option', o => o.map(x => x.textContent));
  check('the kinds with the query\'s counts (every kind)', /^preambular \([1-9]\d*\)$/.test(kinds[1]) && /^operative \([1-9]\d*\)$/.test(kinds[0]), kinds);
  const langCounts = await page.$$eval('#f-lang option', o => o.map(x => x.textContent));
  check('the languages with the query\'s counts', langCounts.some(t => /^English \([1-9]\d*\)$/.test(t)), langCounts);
  check('the hits are a list', await page.$eval('#hits', h => h.tagName) === 'OL');
  const firstCite = await page.$eval('#hits li.hit:first-child button.copy', b => b.getAttribute('aria-label'));
  check('copy citation: the hit\'s cite (body, number, paragraph)', /^Copy the citation .*resolution \S+, para\. \d+/.test(firstCite), firstCite);
  // Folded repeats: the draft E/2017/30/DR.B.II repeats 2017/19's
  // paragraphs word for word; a hit says where else it is.
  const also = await page.$$eval('#hits li.hit p.also', p => p.map(x => ({text: x.textContent,
    links: [...x.querySelectorAll('a')].map(a => [a.textContent, new URL(a.href).searchParams.get('id')])})));
  check('folded repeats: "Also in" the draft, by its citation, linked to its paragraph',
    also.some(a => /^Also in E\/2017\/30 DR\.B\.II ¶\d+/.test(a.text) &&
      a.links.some(([t, id]) => /^E\/2017\/30 DR\.B\.II ¶\d+$/.test(t) && /^E\/2017\/30\/DR\.B\.II#\d+$/.test(id))) &&
    also.every(a => !/http|\[object/.test(a.text)), also);
  // Who cites a hit's resolution: a sentence and a link, not the raw field.
  const citedBy = await page.$$eval('#hits li.hit', l => l.map(x => ({raw: !!x.querySelector('.field-cited_by'),
    text: (x.querySelector('p.cited-by') || {}).textContent, href: (x.querySelector('p.cited-by a') || {href: ''}).href})));
  check('cited_by never shown raw', citedBy.every(c => !c.raw), citedBy);
  check('"Cited by N resolutions" links to the paragraphs that cite it', citedBy.some(c => /^Cited by \d+ resolutions?$/.test(c.text || '')) &&
    citedBy.every(c => !c.text || new window_URL(c.href).searchParams.get('q').startsWith('cites:')), citedBy);
  await shot(page, 'serve-search.png');

  // A facet narrows the search, in the URL.
  await page.evaluate(() => [...document.querySelectorAll('#facets button')].find(b => b.textContent.startsWith('ECOSOC ')).click());
  await page.waitForFunction(() => new URLSearchParams(location.search).get('body') === 'ECOSOC');
  await settle();
  // body:ECOSOC also finds the GA drafts an ECOSOC resolution carries
  // (E/RES/2021/23/DR: resdex(1), body).
  const bodies = await page.$$eval('#hits li.hit', l => l.map(x =>
    [x.querySelector('.context').textContent.split(' ')[0], x.dataset.id]));
  check('the facet filters the hits', bodies.length > 0 &&
    bodies.every(([b, id]) => b === 'ECOSOC' || (b === 'GA' && /^E\/RES\/[^#]*\/DR#/.test(id))), bodies);
  await page.goBack();
  await settle();
  check('back: the filter gone', new window_URL(page.url()).searchParams.get('body') === null, page.url());

  // A sponsor facet (Albania sponsored 80/229's draft) narrows
  // the search to sponsor:albania, in the URL.
  await page.goto(URL + '/?q=' + encodeURIComponent('crime lang:en'), {waitUntil: 'networkidle0'});
  await page.waitForSelector('#hits li.hit');
  const sponsorFacet = await page.$$eval('#facets section[aria-label="Sponsor"] button', b => b.map(x => x.textContent));
  check('a Sponsor facet, its States with counts', sponsorFacet.some(t => /^albania \(\d+\)$/.test(t)), sponsorFacet);
  check('a Subject facet', (await page.$$('#facets section[aria-label="Subject"] button')).length > 0);
  await page.evaluate(() => [...document.querySelectorAll('#facets section[aria-label="Sponsor"] button')].find(b => b.textContent.startsWith('albania ')).click());
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sponsor') === 'albania');
  await settle();
  const sponsored = await page.$$eval('#hits li.hit', l => l.map(x => x.dataset.id));
  check('the sponsor facet keeps 80/229\'s hits only', sponsored.length > 0 && sponsored.every(id => id.startsWith('A/RES/80/229#')), sponsored);

  // Open a hit: the resolution, the paragraph in focus.
  await page.goto(URL + '/?q=' + encodeURIComponent('symbol:80/229 lang:en'), {waitUntil: 'networkidle0'});
  await page.waitForSelector('#hits li.hit a.open');
  const hitId = await page.$eval('#hits li.hit a.open', a => a.dataset.id);
  await page.click('#hits li.hit a.open');
  await page.waitForSelector('#resolution-view:not([hidden]) li.paragraph.focus');
  await page.waitForSelector('#side .column');
  check('the resolution view, with the id in the URL', new window_URL(page.url()).searchParams.get('id') === hitId, page.url());
  check('the paragraph in focus has the keyboard focus', await page.evaluate(() => document.activeElement.id === 'focus'));
  check('the paragraph in focus is the hit\'s', await page.$eval('li.paragraph.focus', li => li.id) === 'p-' + hitId.split('#')[1]);
  check('the title is the resolution\'s', /^A\/RES\/80\/229 /.test(await page.$eval('#res-title', t => t.textContent)));

  // The same paragraph in the other languages, side by side.
  const cols = await page.$$eval('#side .column', c => c.map(x => ({lang: x.lang, dir: x.dir, text: x.querySelector('.text').textContent})));
  check('six languages side by side', cols.map(c => c.lang).sort().join() === 'ar,en,es,fr,ru,zh', cols.map(c => c.lang));
  const ar = cols.find(c => c.lang === 'ar') || {};
  check('Arabic right to left', ar.dir === 'rtl', ar);
  check('Arabic text in Arabic script', /[\u0600-\u06FF]/.test(ar.text || ''));
  const zh = cols.find(c => c.lang === 'zh') || {};
  check('Chinese text in Han script', /[\u4E00-\u9FFF]/.test(zh.text || ''));
  const zhFont = await page.$eval('#side .column[lang=zh] .text', e => getComputedStyle(e).fontFamily);
  check('Chinese with a font stack that has the glyphs', /Noto Sans CJK SC|WenQuanYi/.test(zhFont), zhFont);
  await page.waitForSelector('#history .used-before');
  check('where was this used before: its sections', await page.$$eval('#history .used-before h3', h => h.map(x => x.textContent)).then(t => t.includes('Where was this used before') && t.includes('Its earlier versions, oldest first')));
  await shot(page, 'serve-resolution.png');

  // Switch the language: the whole resolution in French, in the URL.
  await page.click('#res-langs button[lang=fr]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('plang') === 'fr');
  await page.waitForFunction(() => document.querySelector('#res-langs button[lang=fr]').getAttribute('aria-pressed') === 'true');
  const focusText = await page.$eval('li.paragraph.focus .text', p => ({lang: p.lang, text: p.textContent}));
  check('switched to French', focusText.lang === 'fr' && /^Prend note avec satisfaction/.test(focusText.text), focusText);
  await page.click('#res-langs button[lang=ar]');
  await page.waitForFunction(() => document.querySelector('#res-langs button[lang=ar]').getAttribute('aria-pressed') === 'true');
  check('Arabic paragraphs right to left', await page.$eval('li.paragraph.focus .text', p => p.dir) === 'rtl');
  // A permalink opens the same state.
  const permalink = page.url();
  const page2 = await browser.newPage();
  await page2.goto(permalink, {waitUntil: 'networkidle0'});
  await page2.waitForSelector('li.paragraph.focus');
  check('the permalink opens the same paragraph in Arabic', await page2.$eval('li.paragraph.focus .text', p => p.lang) === 'ar');
  await page2.close();

  // A hostile document: its markup shown as text, never run.
  await page.goto(URL + '/?q=' + encodeURIComponent('symbol:55/12 plain text') + '&kind=all', {waitUntil: 'networkidle0'});
  await page.waitForSelector('#hits li.hit');
  const hostile = await page.$eval('#hits li.hit .text', p => ({text: p.textContent, elements: p.querySelectorAll('script, img, b').length}));
  check('the markup shown as text', hostile.text.includes('<script>window.pwned=1</script>') && hostile.text.includes('<img src=x onerror="window.pwned=2">'), hostile.text);
  check('no element made of it', hostile.elements === 0, hostile);
  check('nothing of it ran', await page.evaluate(() => window.pwned === undefined));
  check('&amp; stays as typed', hostile.text.includes('&amp;'));
  await page.click('#hits li.hit a.open');
  await page.waitForSelector('li.paragraph.focus');
  check('the resolution view too: text, no element', await page.$eval('li.paragraph.focus .text', p => p.querySelectorAll('*').length === 0 && p.textContent.includes('<script>')));
  check('still nothing ran', await page.evaluate(() => window.pwned === undefined));

  // Check a draft: paste, submit, the report (or why there is none).
  await page.goto(URL + '/', {waitUntil: 'networkidle0'});
  await page.type('#draft', 'Encourages Member States to promote alternatives to imprisonment;');
  await page.click('#check button[type=submit]');
  await page.waitForFunction(() => !/Checking/.test(document.getElementById('check-report').textContent));
  const report = await page.$eval('#check-report', r => r.textContent);
  check('the draft check reports the paragraph', /agreed|modified|new/.test(report) && !/not available/.test(report), report);
  // Or upload it: a file chosen instead of pasted text.
  const draftFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'resdex-draft-')), 'draft.txt');
  fs.writeFileSync(draftFile, '1. Encourages Member States to promote alternatives to imprisonment;\n\n' +
    '2. Decides to paint the moon purple on alternate Tuesdays;\n');
  await page.goto(URL + '/', {waitUntil: 'networkidle0'});
  await (await page.$('#draft-file')).uploadFile(draftFile);
  await page.click('#check button[type=submit]');
  await page.waitForFunction(() => !/Checking/.test(document.getElementById('check-report').textContent));
  const rows = await page.$$eval('#check-report ol.check > li', l => l.map(x =>
    ({status: (x.querySelector(':scope > [class^=status-]') || {}).textContent, text: x.textContent})));
  check('an uploaded draft: a row a paragraph', rows.length === 2, rows);
  check('an uploaded draft: its new paragraph said to be new', rows.length === 2 && rows[1].status === 'new', rows);
  fs.rmSync(path.dirname(draftFile), {recursive: true, force: true});

  // Keyboard: the skip link first, then the search box.
  await page.goto(URL + '/?q=prison', {waitUntil: 'networkidle0'});
  await page.keyboard.press('Tab');
  check('Tab: the skip link first', await page.evaluate(() => document.activeElement.className) === 'skip');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  check('then the search box', await page.evaluate(() => document.activeElement.id) === 'q');

  check('no console error or CSP violation', problems.length === 0, problems);
} catch (e) {
  failures++;
  console.error('FAIL: ' + (e && e.stack || e));
}
await browser.close();
console.log(passes + ' passed, ' + failures + ' failed (browser)');
process.exit(failures ? 1 : 0);

function window_URL(u) { return new globalThis.URL(u); }
