// The storefront's own behaviour, kept out of the pages so the server's CSP (no inline script) holds.
for (const form of document.querySelectorAll('form.newsletter')) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const button = form.querySelector('button');
    if (button) button.textContent = 'Thanks!';
  });
}
