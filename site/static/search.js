// Search as you type on the static site. Loads the index on the first focus of the search
// box (or at once when the address already holds a search), shows the library's ranking
// with facet counts, and keeps query and filters in the address (?q=…&thema=…) so that a
// search can be shared and undone with Back. Results are built from DOM nodes and text
// only: catalogue text never becomes markup.

import { Engine } from './search-engine.js';
import { el, saveButton } from './shortlist.js';

const LIMIT = 20;
// How long typing must pause before the results' situations are fetched (ms).
const SITUATIONS_DELAY = 250;

/** Facet key → its name in the address (`theme` → `thema`): from the page (`Facet::param`). */
let PARAMS = {};

function readAddress() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [key, param] of Object.entries(PARAMS)) {
    if (key === 'min_recognition' || key === 'sort') continue;
    const values = params.getAll(param).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return {
    query: params.get('q') ?? '', filters,
    minRecognition: params.get(PARAMS.min_recognition) || null, sort: params.get(PARAMS.sort) || null,
  };
}

function address({ query, filters, minRecognition, sort }) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [key, values] of Object.entries(filters)) for (const v of values) params.append(PARAMS[key], v);
  if (minRecognition) params.set(PARAMS.min_recognition, minRecognition);
  if (sort) params.set(PARAMS.sort, sort);
  const search = params.toString();
  return location.pathname + (search ? `?${search}` : '') + location.hash;
}

function setUp(form) {
  const input = form.querySelector('input[type="search"]');
  const s = form.dataset;
  PARAMS = JSON.parse(s.params);
  const root = form.dataset.root ?? '';
  form.querySelector('[data-no-js]')?.setAttribute('hidden', '');
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  // How the query was read: beside the count, not in its live region, so that only the count
  // is announced at each keystroke.
  const readingBox = el('p', { class: 'search-reading', hidden: '' });
  const facetsBox = el('div', { class: 'facets' });
  // Filters fold away on a phone, so that the first result is on the first screen; open on
  // wider screens, where they stand beside the results.
  const facetsSummary = el('summary', { text: s.strFilters });
  const facetsPanel = el('details', { class: 'facet-panel' }, facetsSummary, facetsBox);
  facetsPanel.open = window.matchMedia('(min-width: 40.01rem)').matches;
  const list = el('ol', { class: 'hits', 'aria-label': s.strResults });
  const chips = el('ul', { class: 'chips', 'aria-label': s.strActiveFilters, hidden: '' });
  // The order of the list: the library's orders, labelled by the page (data-sorts).
  const sorts = JSON.parse(s.sorts);
  const sortSelect = el('select', { id: 'sorteer' }, ...sorts.map(([key, label]) => el('option', { value: key, text: label })));
  const sortBox = el('div', { class: 'search-sort' }, el('label', { for: 'sorteer', text: s.strSort }), sortSelect);
  sortSelect.addEventListener('change', () => {
    // The first order is the default and stays out of the address.
    refine({ ...state, sort: sortSelect.value === sorts[0][0] ? null : sortSelect.value });
  });
  const more = el('button', { type: 'button', class: 'more-button', hidden: '' });
  // The weaker matches (below the engine's match floor): not counted, listed on request after
  // the ones that count, so that what the floor leaves out stays within reach.
  const alsoWeak = el('button', { type: 'button', class: 'more-button weaker-button', hidden: '' });
  const weakHeading = el('h2', { class: 'weaker-heading', id: 'minder-passend', text: s.strWeakerHeading, hidden: '' });
  const weakList = el('ol', { class: 'hits hits-weaker', 'aria-labelledby': 'minder-passend', hidden: '' });
  const notice = el('p', { class: 'search-notice', hidden: '' });
  const panel = el('section', { class: 'search-results', 'aria-label': s.strResults, hidden: '' },
    status, readingBox, notice, chips, sortBox, el('div', { class: 'search-layout' }, facetsPanel, el('div', {}, list, weakHeading, weakList, more, alsoWeak)));
  form.after(panel);
  const staticList = document.querySelector('[data-results]');

  let engine = null;
  let loading = null;
  let state = readAddress();
  let pushed = false;
  let run = 0;
  // How many results are shown; "Meer resultaten" adds a page, a new search starts again.
  let shown = LIMIT;
  // Whether the weaker matches are listed too; a new search starts without them.
  let withWeaker = false;
  let lastTotal = 0;
  // Back from a method page: the list as long as it was, scrolled where it was (the results
  // are drawn after the page loads, too late for the browser's own scroll restoration).
  const placeKey = () => `methodewijzer-plaats:${location.href}`;
  let place = null;
  try {
    place = JSON.parse(sessionStorage.getItem(placeKey()) ?? 'null');
    sessionStorage.removeItem(placeKey());
  } catch { /* storage off: the list starts at the top */ }
  if (place?.shown > shown) shown = place.shown;
  if (place?.weaker) withWeaker = true;
  const remember = (event) => {
    if (!event.target.closest('a')) return;
    try {
      sessionStorage.setItem(placeKey(), JSON.stringify({ y: window.scrollY, shown, weaker: withWeaker }));
    } catch { /* nothing to restore later */ }
  };
  list.addEventListener('click', remember);
  weakList.addEventListener('click', remember);

  const load = () => {
    loading ??= Engine.load(form.dataset.index).then((e) => { engine = e; }).catch(() => {
      status.textContent = s.strError;
      panel.hidden = false;
    });
    return loading;
  };

  // "Alle methoden" (data-browse) shows every method with its filters before anything is typed.
  const browse = 'browse' in s;
  const active = () => browse || state.query.trim() !== '' || Object.keys(state.filters).length > 0 || !!state.minRecognition;

  // Filter values in the address that the index does not know (a mistyped or outdated
  // shared link): dropped from the search and named in a notice, instead of finding nothing.
  function dropUnknown() {
    const ignored = [];
    const filters = {};
    for (const [key, values] of Object.entries(state.filters)) {
      const ids = new Set((engine.m.facets.find((f) => f.key === key)?.values ?? []).map((v) => v[0]));
      const known = values.filter((v) => ids.has(v) || !ignored.push(`${PARAMS[key]}=${v}`));
      if (known.length) filters[key] = known;
    }
    let { minRecognition, sort } = state;
    if (sort && !sorts.some(([key]) => key === sort)) {
      ignored.push(`${PARAMS.sort}=${sort}`);
      sort = null;
    }
    if (minRecognition && !(minRecognition in engine.m.recognitionRanks)) {
      ignored.push(`${PARAMS.min_recognition}=${minRecognition}`);
      minRecognition = null;
    }
    if (ignored.length) {
      state = { ...state, filters, minRecognition, sort };
      history.replaceState(null, '', address(state));
      notice.textContent = s.strIgnored.replace('{values}', ignored.join(', '));
      notice.hidden = false;
    }
  }

  async function update() {
    const mine = ++run;
    if (!active()) {
      panel.hidden = true;
      if (staticList) staticList.hidden = false;
      return;
    }
    // A slow index gets a visible (and announced) loading state after 300 ms.
    const slow = engine ? null : setTimeout(() => {
      panel.hidden = false;
      panel.setAttribute('aria-busy', 'true');
      status.textContent = s.strLoading;
    }, 300);
    await load();
    clearTimeout(slow);
    panel.removeAttribute('aria-busy');
    if (!engine || mine !== run) return;
    dropUnknown();
    const results = await engine.search({
      query: state.query, filters: state.filters, minRecognition: state.minRecognition,
      sort: state.sort ?? sorts[0][0], limit: shown, weaker: withWeaker,
    });
    if (mine !== run) return;
    render(results);
  }

  const links = () => [...list.querySelectorAll('a'), ...weakList.querySelectorAll('a')];

  // The facts that decide, as the static lists show them (macros.html): the recognition
  // badge, who the method is for, who carries it out.
  const BADGES = { 'niet-beoordeeld': 'badge-none', 'niet-erkend': 'badge-refused',
    'in-herbeoordeling': 'badge-review', 'erkenning-verlopen': 'badge-expired' };
  function facts([state, label, was, groups, by]) {
    const ranked = !(state in BADGES);
    const cls = BADGES[state] ?? (state.startsWith('effectief') ? 'badge-level-3' : 'badge-level-1');
    const text = ranked ? `${s.strRecognition}: ${label}` : (was ? `${label} (${s.strWas} ${was})` : label);
    const fact = (name, values) => values.length
      ? el('span', { class: 'fact' }, el('span', { class: 'fact-label', text: `${name}:` }),
        document.createTextNode(` ${values.join(', ')}`))
      : null;
    const parts = [el('span', { class: `badge ${cls}`, text }),
      fact(s.strFor, groups), fact(s.strBy, by.map((b) => b.toLowerCase()))].filter(Boolean);
    // Spaces between the parts, as in the static lists' markup.
    return el('p', { class: 'facts' }, ...parts.flatMap((part, i) => (i ? [document.createTextNode(' '), part] : [part])));
  }

  // Text with the matched words in <mark>, as nodes: catalogue text never becomes markup.
  const marked = (text, found) => engine.highlight(text, found)
    .map((piece) => (piece.mark ? el('mark', { text: piece.text }) : document.createTextNode(piece.text)));

  function render(results) {
    panel.hidden = false;
    // Which search the list shows, for tests and styles: results of a prefix may still be on
    // screen while the next keystroke's search runs.
    panel.dataset.query = state.query;
    if (staticList) staticList.hidden = true;
    const filtering = Object.keys(state.filters).length > 0 || !!state.minRecognition;
    const none = filtering ? s.strNoneFilters : s.strNone.replace('{q}', state.query.trim());
    status.textContent = results.total === 0 ? none
      : (results.total === 1 ? s.strOne : s.strMany).replace('{n}', results.total);
    if (results.total === 0 && !filtering) offerCorrection(state.query, run);
    showChips(results);
    sortSelect.value = state.sort ?? sorts[0][0];
    lastTotal = results.total;
    const strong = results.hits.filter((hit) => !hit.weaker);
    const weak = results.hits.filter((hit) => hit.weaker);
    const left = results.total + (withWeaker ? results.weaker : 0) - results.hits.length;
    more.hidden = left <= 0;
    more.textContent = `${s.strMore} (${left})`;
    alsoWeak.hidden = withWeaker || results.weaker === 0 || strong.length < results.total;
    alsoWeak.textContent = s.strWeaker.replace('{n}', results.weaker);
    // The interpretation, so a professional sees why a method came up.
    const read = results.interpretation;
    const reading = [
      ...read.corrected.map((c) => s.strCorrected.replace('{searched}', c.searched.slice(0, 3).join(', ')).replace('{typed}', c.typed)),
      ...(read.expanded.length ? [`${s.strAlso} ${read.expanded.slice(0, 8).join(', ')}`] : []),
      ...(read.unknown.length ? [s.strUnknown.replace('{words}', read.unknown.join(', '))] : []),
      ...(read.ignored.length ? [s.strIgnoredWords.replace('{words}', read.ignored.join(', '))] : []),
    ];
    const text = reading.join('; ');
    readingBox.textContent = text.charAt(0).toUpperCase() + text.slice(1);
    readingBox.hidden = !(results.total > 0 && reading.length);
    // A user who pressed ↓ before the last keystroke's results came stays at that place in
    // the new list (or goes back to the search box when it is empty), instead of losing focus.
    const focused = links().indexOf(document.activeElement);
    const item = (hit) => {
      const link = el('a', { href: `${root}methoden/${encodeURIComponent(hit.slug)}/` },
        ...marked(hit.name, results.words));
      // Under "Minder passende methoden" (h2), a weaker hit's title is one level down.
      // A method that counts only as related to the best match says so: its own match is weak.
      const related = hit.relatedTo ? el('p', { class: 'hit-related', text: s.strRelated.replace('{name}', () => hit.relatedTo) }) : null;
      const li = el('li', {}, el(hit.weaker ? 'h3' : 'h2', { class: 'hit-title' }, link), related, facts(hit.facts),
        el('p', {}, ...marked(hit.summary, results.words)), saveButton(hit.slug, hit.name));
      items.set(hit.slug, li);
      return li;
    };
    const items = new Map();
    // Where Back put the page, to put it there again once the situations are in.
    const restoring = place;
    list.replaceChildren(...strong.map(item));
    weakList.replaceChildren(...weak.map(item));
    showSituations(results, items, run, restoring);
    weakHeading.hidden = weakList.hidden = weak.length === 0;
    if (focused >= 0) {
      const all = links();
      (all[Math.min(focused, all.length - 1)] ?? input).focus();
    }
    const chosen = Object.values(state.filters).reduce((n, values) => n + values.length, 0)
      + (state.minRecognition ? 1 : 0);
    facetsSummary.textContent = chosen ? `${s.strFilters} (${chosen} ${s.strActive})` : s.strFilters;
    // The control in use keeps the focus when the panel is drawn anew.
    const focusedId = facetsBox.contains(document.activeElement) ? document.activeElement.id : null;
    facetsBox.replaceChildren(minimumControl(), ...results.facets.map((facet) => {
      const values = facet.values.filter((v) => v.count > 0 || v.selected);
      if (!values.length) return null;
      const box = el('fieldset', {}, el('legend', { text: facet.label }));
      for (const v of values) {
        const id = `f-${facet.key}-${v.id}`;
        const check = el('input', { type: 'checkbox', id, value: v.id });
        check.checked = v.selected;
        check.addEventListener('change', () => {
          const chosen = new Set(state.filters[facet.key] ?? []);
          if (check.checked) chosen.add(v.id); else chosen.delete(v.id);
          const filters = { ...state.filters };
          if (chosen.size) filters[facet.key] = [...chosen]; else delete filters[facet.key];
          refine({ ...state, filters });
        });
        box.append(el('div', { class: 'facet-value' }, check,
          el('label', { for: id }, document.createTextNode(`${v.label} `), el('span', { class: 'count', text: `(${v.count})` }))));
      }
      return box;
    }).filter(Boolean));
    if (focusedId) document.getElementById(focusedId)?.focus();
    if (place) {
      window.scrollTo(0, place.y);
      place = null;
    }
  }

  // Under each result, the recognisable situation that fits the query best, once its file
  // is in: they come after the results, which do not wait for them, and only once typing
  // pauses, so that a word being typed does not fetch the situations of every prefix.
  async function showSituations(results, items, mine, restoring) {
    if (!results.words.length || !state.query.trim()) return;
    await new Promise((resolve) => setTimeout(resolve, SITUATIONS_DELAY));
    if (mine !== run) return;
    let chosen;
    try {
      chosen = await engine.situations(results);
    } catch {
      return;
    }
    if (mine !== run) return;
    // Whether the reader is still where Back put the page.
    const untouched = restoring && Math.abs(window.scrollY - restoring.y) < 2;
    results.hits.forEach((hit, i) => {
      const li = items.get(hit.slug);
      if (!chosen[i] || !li || li.querySelector('.hit-situation')) return;
      const line = el('p', { class: 'hit-situation' },
        el('span', { class: 'hit-situation-label', text: `${s.strSituation}: ` }), ...marked(chosen[i], results.words));
      li.insertBefore(line, li.querySelector(':scope > .save-button'));
    });
    // The place Back restored was measured with these lines on the page: now that they are
    // in again, go there again (overriding the browser's scroll anchoring), unless the reader
    // has scrolled since.
    if (untouched) window.scrollTo(0, restoring.y);
  }

  // "Bedoelde u …?": the closest catalogue words for a query that found nothing.
  async function offerCorrection(query, mine) {
    const better = await engine.suggest(query);
    if (!better || mine !== run) return;
    const button = el('button', { type: 'button', class: 'link-button', text: better });
    button.addEventListener('click', () => {
      input.value = better;
      input.dispatchEvent(new Event('input'));
      input.focus();
    });
    status.append(' ', s.strDidYouMean, ' ', button, '?');
  }

  // A new filter state: a history entry, the first page of results again.
  function refine(next) {
    state = next;
    history.pushState(null, '', address(state));
    pushed = false;
    shown = LIMIT;
    withWeaker = false;
    update();
  }

  // The filters that are on, each a button that takes it off, and one to take all off.
  function showChips(results) {
    const label = (key, id) => results.facets.find((f) => f.key === key)?.values.find((v) => v.id === id)?.label ?? id;
    const items = [];
    for (const [key, values] of Object.entries(state.filters)) {
      for (const id of values) {
        const rest = values.filter((x) => x !== id);
        const filters = { ...state.filters };
        if (rest.length) filters[key] = rest; else delete filters[key];
        items.push([label(key, id), { ...state, filters }]);
      }
    }
    if (state.minRecognition) {
      items.push([`${s.strMin} ${label('recognition_level', state.minRecognition).toLowerCase()}`, { ...state, minRecognition: null }]);
    }
    const chip = (text, next, cls) => {
      const button = el('button', { type: 'button', class: cls, text });
      button.addEventListener('click', () => {
        refine(next);
        input.focus();
      });
      return el('li', {}, button);
    };
    chips.replaceChildren(...items.map(([text, next]) => {
      const li = chip(`${text} ×`, next, 'chip');
      li.firstChild.setAttribute('aria-label', `${s.strRemoveFilter} ${text}`);
      return li;
    }));
    if (items.length > 1 || (items.length && results.total === 0)) {
      chips.append(chip(s.strClearAll, { ...state, filters: {}, minRecognition: null }, 'chip chip-clear'));
    }
    chips.hidden = items.length === 0;
  }

  alsoWeak.addEventListener('click', async () => {
    const first = links().length;
    withWeaker = true;
    shown = Math.max(shown, lastTotal + LIMIT);
    await update();
    links()[first]?.focus();
  });

  more.addEventListener('click', async () => {
    const first = links().length;
    shown += LIMIT;
    await update();
    // On to the first of the new results, so a keyboard user reads on where the list grew.
    links()[first]?.focus();
  });

  // "At least this recognition level": the ordered levels, the strongest last.
  function minimumControl() {
    const ranks = engine.m.recognitionRanks;
    const labels = new Map(engine.m.facets.find((f) => f.key === 'recognition_level')?.values ?? []);
    const select = el('select', { id: 'f-minimaal' }, el('option', { value: '', text: s.strMinAny }));
    for (const id of Object.keys(ranks).sort((a, b) => ranks[a] - ranks[b])) {
      const option = el('option', { value: id, text: labels.get(id) ?? id });
      option.selected = id === state.minRecognition;
      select.append(option);
    }
    select.addEventListener('change', () => refine({ ...state, minRecognition: select.value || null }));
    return el('div', { class: 'facet-minimum' }, el('label', { for: 'f-minimaal', text: s.strMin }), select);
  }

  input.value = state.query;
  input.addEventListener('focus', load, { once: true });
  input.addEventListener('input', () => {
    state = { ...state, query: input.value };
    shown = LIMIT;
    withWeaker = false;
    // One history entry per search, not per keystroke.
    if (!pushed) history.pushState(null, '', address(state));
    else history.replaceState(null, '', address(state));
    pushed = true;
    update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pushed = false;
    list.querySelector('a')?.focus();
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === 'Escape' && input.value) {
      event.preventDefault();
      input.value = '';
      input.dispatchEvent(new Event('input'));
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus(); else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener('popstate', () => {
    state = readAddress();
    shown = LIMIT;
    withWeaker = false;
    input.value = state.query;
    pushed = false;
    update();
  });
  if (active()) update();
}

for (const form of document.querySelectorAll('form[data-search]')) setUp(form);
