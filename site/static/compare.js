// The comparison page: the methods in the address (`?m=a,b,c`), or else the shortlist, side
// by side. Each method's column comes from `m/SLUG.json` (written by the build, see
// crates/methodewijzer-site/src/site/compare.rs); the table mirrors `compare_table` in
// site/templates/macros.html, which draws the same table without JavaScript.

import { el, saved } from './shortlist.js';

const MAX = 4;
const box = document.querySelector('[data-compare]');
const actions = document.querySelector('[data-compare-actions]');
const s = box.dataset;
const rows = JSON.parse(s.rows);

/** The slugs to compare: from the address when it names any, else the shortlist. */
function wanted() {
  const m = new URLSearchParams(location.search).get('m');
  const slugs = m !== null ? m.split(',') : saved().map((x) => x.slug);
  return [...new Set(slugs.map((x) => x.trim()).filter((x) => /^[a-z0-9-]+$/.test(x)))];
}

function setAddress(slugs) {
  const url = new URL(location.href);
  if (slugs.length) url.searchParams.set('m', slugs.join(',')); else url.searchParams.delete('m');
  history.replaceState(null, '', url.search ? `${url.pathname}?${url.searchParams.toString().replaceAll('%2C', ',')}` : url.pathname);
}

async function record(slug) {
  try {
    const response = await fetch(`m/${slug}.json`);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

function table(records, slugs) {
  const head = el('tr', {}, el('td'));
  for (const r of records) {
    const remove = el('button', { type: 'button', class: 'remove-button', text: s.strRemove });
    remove.setAttribute('aria-label', `${s.strRemove}: ${r.name}`);
    remove.addEventListener('click', () => { show(slugs.filter((x) => x !== r.slug)); });
    head.append(el('th', { scope: 'col' }, el('a', { href: s.root + r.url, text: r.name }), ' ', remove));
  }
  const body = el('tbody');
  rows.forEach(([, label], i) => {
    const tr = el('tr', {}, el('th', { scope: 'row', text: label }));
    for (const r of records) {
      const value = r.cells[i];
      tr.append(value == null ? el('td', { class: 'unknown', text: s.strUnknown }) : el('td', { text: value }));
    }
    body.append(tr);
  });
  return el('div', { class: 'compare-scroll', role: 'region', 'aria-labelledby': 'vergelijking-titel', tabindex: '0' },
    el('table', { class: 'compare-table' },
      el('caption', { id: 'vergelijking-titel', text: s.strCaption }), el('thead', {}, head), body));
}

async function show(slugs) {
  slugs = slugs.slice(0, MAX);
  setAddress(slugs);
  const records = await Promise.all(slugs.map(record));
  const found = records.filter(Boolean);
  const missing = slugs.filter((_, i) => !records[i]);
  box.replaceChildren();
  if (missing.length) box.append(el('p', { class: 'search-notice', text: `${s.strMissing} ${missing.join(', ')}` }));
  if (!found.length) {
    box.append(el('p', { text: s.strNone }));
    actions.hidden = true;
    return;
  }
  box.append(table(found, found.map((r) => r.slug)));
  actions.hidden = false;
}

show(wanted());
