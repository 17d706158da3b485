// "Afdrukken" and "Kopieer link" on method and comparison pages. The buttons are in the page
// hidden, and shown here: without JavaScript they could not work, and the browser's own menu
// does the same.

for (const button of document.querySelectorAll('[data-print]')) {
  button.addEventListener('click', () => window.print());
  button.hidden = false;
}
for (const button of document.querySelectorAll('[data-copy-link]')) {
  const status = button.parentElement.querySelector('[data-copy-status]');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = status.dataset.copied;
    } catch {
      status.textContent = status.dataset.failed;
    }
  });
  button.hidden = false;
}
