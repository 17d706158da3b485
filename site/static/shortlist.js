// The shortlist: methods a visitor keeps in order to compare them. Kept in this browser only
// (localStorage): no server, no account, no tracking. A method page and every search hit get
// a "Bewaren" button; the header shows how many are kept and links to the comparison. Loaded on
// every page, it also shows what is there only for JavaScript (`data-js-only`), and gives the
// other scripts their element builder (`el`).

const KEY = 'methodewijzer-bewaard';

/** An element with attributes (`text` sets its text, never markup) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

const link = document.querySelector('[data-shortlist-link]');
const strings = link?.dataset ?? {};
// What a toggle did, said to screen readers (the count in the header changes silently).
const spoken = el('p', { class: 'visually-hidden', role: 'status', 'data-shortlist-status': '' });
document.body.append(spoken);

/** The kept methods, oldest first: `[{slug, name}]`. */
export function saved() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((m) => typeof m?.slug === 'string') : [];
  } catch {
    return [];
  }
}

function store(list) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage off or full: the button still reflects what could be kept.
  }
  showCount();
  document.dispatchEvent(new CustomEvent('shortlist-change'));
}

/** Keeps or drops a method; returns whether it is kept now. */
export function toggle(slug, name) {
  const list = saved();
  const kept = list.some((m) => m.slug === slug);
  store(kept ? list.filter((m) => m.slug !== slug) : [...list, { slug, name }]);
  return !kept;
}

/** A toggle button for one method; it follows changes made elsewhere (another button, tab). */
export function saveButton(slug, name) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'save-button';
  button.title = strings.strExplained ?? '';
  const show = (event) => {
    // A button that left the page (a result list redrawn) stops listening.
    if (event && !button.isConnected) {
      document.removeEventListener('shortlist-change', show);
      return;
    }
    const kept = saved().some((m) => m.slug === slug);
    button.setAttribute('aria-pressed', String(kept));
    button.textContent = kept ? strings.strSaved : strings.strSave;
  };
  button.addEventListener('click', () => {
    const kept = toggle(slug, name);
    spoken.textContent = `${kept ? strings.strSaved : strings.strRemoved}: ${name}. ${strings.strCount.replace('{n}', saved().length)}`;
  });
  document.addEventListener('shortlist-change', show);
  show();
  return button;
}

function showCount() {
  if (!link) return;
  const n = saved().length;
  link.querySelector('[data-shortlist-count]').textContent = String(n);
  link.hidden = n === 0;
}

// Links and controls that only work with JavaScript are in the page hidden (`data-js-only`).
for (const hidden of document.querySelectorAll('[data-js-only]')) hidden.hidden = false;

for (const spot of document.querySelectorAll('[data-save]')) {
  spot.append(saveButton(spot.dataset.slug, spot.dataset.name));
}
showCount();
// Another tab changed the list.
window.addEventListener('storage', (event) => {
  if (event.key === KEY) { showCount(); document.dispatchEvent(new CustomEvent('shortlist-change')); }
});
