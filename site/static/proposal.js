// Methodewijzer proposal form (voorstellen/): checks each field as the method schema says,
// writes the method file as TOML while the user types, and offers it for download or as a new
// file in the repository. The form is generated from the schema, the vocabularies and the
// editors' template (crates/methodewijzer-site/src/site/proposal.rs); each field's data-
// attributes say how to check and write it, so this script names no field but `name`, whose
// slug is the file name. No dependencies.

import { slugify } from './search-engine.js';

// GitHub refuses longer addresses; a longer proposal is downloaded and uploaded instead.
const MAX_LINK = 8000;
// The catalogue's rules refuse review and recognition dates before this (rules.rs).
const EARLIEST = '1990-01-01';

function start(form) {
  const page = form.closest('.proposal');
  const result = page.querySelector('[data-result]');
  const messages = JSON.parse(form.dataset.messages);
  const slugs = new Set(JSON.parse(form.dataset.slugs));
  const say = (key, values = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  const preview = result.querySelector('[data-preview]');
  const submit = result.querySelector('[data-submit]');
  const status = form.querySelector('[data-status]');
  const summary = form.querySelector('[data-error-summary]');
  let counter = 0;

  page.querySelector('[data-no-js]').hidden = true;
  form.hidden = false;
  result.hidden = false;
  const reviewed = form.querySelector('[data-path="last_reviewed"] [data-control]');
  if (reviewed && !reviewed.value) reviewed.value = today();

  /** The fields of the form: the top level's, then each table's with its items. */
  const tops = () => [...form.querySelectorAll('.form-section > [data-field], .form-section > .form-table')];
  const children = (container) => [...container.children].filter((c) => c.matches('[data-field]'));
  const items = (table) =>
    (table.dataset.input === 'group' ? [table] : [...table.querySelector('[data-items]').children]);

  function read(field) {
    const controls = [...field.querySelectorAll('[data-control]')];
    switch (field.dataset.input) {
      case 'terms': return controls.filter((c) => c.checked).map((c) => c.value);
      case 'flag': return controls[0].checked;
      case 'list': return controls[0].value.split('\n').map((s) => s.trim()).filter(Boolean);
      case 'long': return controls[0].value.replace(/\s+$/, '').replace(/^(\s*\n)+/, '');
      default: return controls[0].value.trim();
    }
  }

  function empty(field, value) {
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === 'boolean') return !value;
    return value === '' || value === field.dataset.default;
  }

  /** What is wrong with `field`'s value, as the schema and the catalogue's checks say. */
  function problem(field) {
    const value = read(field);
    const d = field.dataset;
    if (empty(field, value)) {
      if (!('required' in d)) return '';
      return d.input === 'terms' ? say('required_choice') : say('required');
    }
    const text = typeof value === 'string' ? value : '';
    const length = [...text].length;
    if (d.maxLength && length > Number(d.maxLength)) return say('too_long', { n: length, max: d.maxLength });
    if (d.input === 'date') {
      if (!isDate(text)) return say('date');
      if ('past' in d && text > today()) return say('date_future');
      if ('past' in d && text < EARLIEST) return say('date_early');
    }
    if (d.input === 'url' && !isWebUrl(text)) return say('url');
    if (d.input === 'integer') {
      const n = Number(text);
      // The form `toml()` writes as a number: "007" or "-0" would go into the file as text.
      if (!/^(0|-?[1-9]\d*)$/.test(text) || n < Number(d.min ?? -Infinity) || n > Number(d.max ?? Infinity)) {
        return say('integer', { min: d.min, max: d.max });
      }
    }
    if ('slugs' in d) {
      const unknown = value.find((s) => !slugs.has(s));
      if (unknown !== undefined) return say('unknown_slug', { value: unknown });
    }
    if (d.prefixes) {
      const names = d.prefixes.split('|');
      if (!names.some((p) => text === p || text.startsWith(`${p} (`))) return say('prefix', { example: names[0] });
    }
    if (d.path === 'name') {
      if (!slugify(text)) return say('no_slug');
      if (slugs.has(slugify(text))) return say('exists');
    }
    return '';
  }

  /** Shows `message` beside `field` (or clears it), linked to its controls for screen readers. */
  function show(field, message) {
    const error = field.querySelector('.form-error');
    error.textContent = message;
    error.hidden = !message;
    const group = field.querySelector('fieldset');
    for (const control of group ? [group] : field.querySelectorAll('[data-control]')) {
      const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
      if (message) ids.push(error.id);
      if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
    }
    for (const control of field.querySelectorAll('[data-control]')) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  /** Every field's problem, shown beside it; the fields of an empty table item are left out. */
  function checkAll() {
    const found = [];
    const check = (field, context) => {
      const message = problem(field);
      show(field, message);
      if (message) found.push({ field, message, context });
    };
    for (const top of tops()) {
      if (top.matches('[data-field]')) { check(top, top.dataset.label); continue; }
      for (const item of items(top)) {
        const filled = children(item).some((f) => !empty(f, read(f)));
        const context = item.querySelector('[data-item-legend]')?.textContent ?? top.dataset.label;
        for (const field of children(item)) {
          if (filled) check(field, `${context}: ${field.dataset.label}`);
          else show(field, '');
        }
      }
    }
    return found;
  }

  function showSummary(found) {
    const list = summary.querySelector('[data-error-list]');
    list.replaceChildren(...found.map(({ field, message, context }) => {
      const link = document.createElement('a');
      const target = field.querySelector('[data-control]');
      link.href = `#${target.id}`;
      link.textContent = `${context}: ${message}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'center' });
      });
      const li = document.createElement('li');
      li.append(link);
      return li;
    }));
    summary.querySelector('[data-error-count]').textContent =
      found.length === 1 ? say('errors_one') : say('errors_many', { n: found.length });
    summary.hidden = found.length === 0;
    if (found.length) {
      summary.scrollIntoView({ block: 'start' });
      summary.focus();
    }
  }

  /** Checks everything; true when the proposal can go. Otherwise the summary takes focus. */
  function ready() {
    const found = checkAll();
    showSummary(found);
    status.textContent = found.length ? '' : say('ok');
    return found.length === 0;
  }

  function assignment(field, always) {
    const value = read(field);
    if (empty(field, value) && !always) return null;
    return `${field.dataset.key} = ${toml(field.dataset.input, value)}`;
  }

  /** The method file: short fields, then long texts, then the tables, as the template has them. */
  function fileText() {
    const lines = ['#:schema ./_schema.json'];
    const leaves = tops().filter((t) => t.matches('[data-field]'));
    for (const field of leaves.filter((f) => f.dataset.input !== 'long')) {
      const line = assignment(field, 'required' in field.dataset);
      if (line) lines.push(line);
    }
    for (const field of leaves.filter((f) => f.dataset.input === 'long')) {
      const line = assignment(field, 'required' in field.dataset);
      if (line) lines.push('', line);
    }
    for (const table of tops().filter((t) => t.matches('.form-table'))) {
      for (const item of items(table)) {
        const fields = children(item);
        if (!fields.some((f) => !empty(f, read(f)))) continue;
        const key = table.dataset.key;
        lines.push('', table.dataset.input === 'group' ? `[${key}]` : `[[${key}]]`);
        for (const field of fields) {
          const line = assignment(field, 'required' in field.dataset);
          if (line) lines.push(line);
        }
      }
    }
    return `${lines.join('\n')}\n`;
  }

  const fileName = () => `${slugify(read(form.querySelector('[data-path="name"]'))) || 'nieuwe-methode'}.toml`;

  function update() {
    const text = fileText();
    preview.textContent = text;
    result.querySelector('[data-file-name]').textContent = fileName();
    for (const count of form.querySelectorAll('[data-count]')) {
      const field = count.closest('[data-field]');
      count.textContent = say('chars', { n: [...read(field)].length, max: field.dataset.maxLength });
    }
    if (submit) {
      const { repository, branch } = form.dataset;
      const href = `${repository}/new/${encodeURIComponent(branch)}?filename=${encodeURIComponent(`interventions/${fileName()}`)}&value=${encodeURIComponent(text)}`;
      const fits = href.length <= MAX_LINK;
      submit.href = fits ? href : `${repository}/upload/${encodeURIComponent(branch)}/interventions`;
      submit.hidden = !fits;
      result.querySelector('[data-submit-note]').hidden = !fits;
      result.querySelector('[data-too-long]').hidden = fits;
    }
  }

  function addItem(table) {
    const template = table.querySelector('template[data-item-template]');
    const n = counter++;
    const item = template.content.firstElementChild.cloneNode(true);
    for (const el of item.querySelectorAll('[id], [for], [aria-describedby]')) {
      for (const attr of ['id', 'for', 'aria-describedby']) {
        const v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replaceAll('__i__', String(n)));
      }
    }
    table.querySelector('[data-items]').append(item);
    number(table);
    item.querySelector('[data-control]').focus();
    update();
  }

  /** Numbers a table's items after one was added or removed: "Bronnen 2". */
  function number(table) {
    items(table).forEach((item, i) => {
      const name = say('item', { label: table.dataset.label, n: i + 1 });
      item.querySelector('[data-item-legend]').textContent = name;
      item.querySelector('[data-item-name]').textContent = ` ${name}`;
    });
  }

  form.addEventListener('click', (event) => {
    const add = event.target.closest('[data-add]');
    if (add) addItem(add.closest('.form-table'));
    const remove = event.target.closest('[data-remove]');
    if (remove) {
      const table = remove.closest('.form-table');
      remove.closest('[data-item]').remove();
      number(table);
      table.querySelector('[data-add]').focus();
      update();
    }
  });
  // A field is judged once it is left (change), and again while it is being corrected.
  form.addEventListener('change', (event) => {
    const field = event.target.closest('[data-field]');
    if (field) show(field, problem(field));
  });
  form.addEventListener('input', (event) => {
    const field = event.target.closest('[data-field]');
    if (field && !field.querySelector('.form-error').hidden) show(field, problem(field));
    update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ready();
  });
  result.querySelector('[data-download]').addEventListener('click', () => {
    if (!ready()) return;
    const url = URL.createObjectURL(new Blob([fileText()], { type: 'application/toml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = say('downloaded', { file: fileName() });
  });
  submit?.addEventListener('click', (event) => {
    if (!ready()) event.preventDefault();
  });
  update();
}

/** Today in UTC, as the catalogue's checks date it. */
function today() {
  return new Date().toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` naming a real day. */
function isDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1
    && date.getUTCDate() === Number(m[3]);
}

/** An absolute http(s) address with a host, as the library's `is_web_url`. */
function isWebUrl(text) {
  const rest = /^https?:\/\/(.*)$/s.exec(text)?.[1];
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  return rest !== undefined && rest.split(/[/?#]/)[0] !== '' && !/[\s\u0000-\u001f\u007f]/.test(text);
}

const ESCAPES = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
const escape = (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A TOML basic string. */
function quoted(text) {
  // eslint-disable-next-line no-control-regex -- TOML strings may hold no raw control characters
  return `"${text.replace(/[\\"\u0000-\u001f\u007f]/g, escape)}"`;
}

/** A TOML multi-line basic string, as the template writes long texts; tabs and line ends stay. */
function multiline(text) {
  // eslint-disable-next-line no-control-regex -- all control characters but tab and line feed
  const body = text.replace(/[\\\u0000-\u0008\u000b-\u001f\u007f]/g, escape).replace(/"""/g, '""\\"');
  return `"""\n${body}\n"""`;
}

/** A value as TOML; what cannot be written as its type is written as text, for `check` to name. */
function toml(input, value) {
  switch (input) {
    case 'terms':
    case 'list': {
      const items = value.map(quoted);
      const line = `[${items.join(', ')}]`;
      return line.length <= 80 ? line : `[\n${items.map((i) => `  ${i},`).join('\n')}\n]`;
    }
    case 'flag': return String(value);
    case 'long': return value.includes('\n') || value.length > 80 ? multiline(value) : quoted(value);
    case 'date': return isDate(value) ? value : quoted(value);
    case 'integer': return /^(0|-?[1-9]\d*)$/.test(value) ? value : quoted(value);
    default: return quoted(value);
  }
}

// Last, so that the constants above are set when it runs.
const form = document.querySelector('[data-proposal]');
if (form) start(form);
