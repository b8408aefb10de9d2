// The configurator: every change to the settings form goes to the live <citizen-portal> beside it and into the
// snippet a webmaster copies. Text only (textContent), no inline script: the page runs under the demo's CSP.
const form = document.querySelector<HTMLFormElement>('#settings')!;
const portal = document.querySelector('citizen-portal')!;
const snippet = document.querySelector<HTMLElement>('#snippet')!;
const BUNDLE = 'https://cdn.example/citizen-portal/dist/citizen-portal.js';

const quote = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function apply(): void {
  const attributes: string[] = [];
  const styles: string[] = [];
  for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    const name = input.name;
    if (name.startsWith('--')) {
      // Colours and shape: custom properties, set through the CSSOM (allowed under a strict CSP).
      const value = input.value;
      if (value && !(name === '--cp-accent' && value === '#0b5cad')) {
        portal.style.setProperty(name, value);
        styles.push(`${name}: ${value};`);
      } else portal.style.removeProperty(name);
      continue;
    }
    const value =
      input instanceof HTMLInputElement && input.type === 'checkbox'
        ? input.checked
          ? ''
          : null
        : input.value.trim() || null;
    if (value === null) portal.removeAttribute(name);
    else portal.setAttribute(name, value);
    if (value !== null) attributes.push(value === '' ? name : `${name}="${quote(value)}"`);
  }
  // Colours go in the site's stylesheet, not an inline <style>: a strict Content-Security-Policy blocks those.
  snippet.textContent =
    `<!-- In your page -->\n<script type="module" src="${BUNDLE}"></script>\n` +
    `<citizen-portal\n  ${attributes.join('\n  ')}\n></citizen-portal>` +
    (styles.length ? `\n\n/* In your site's stylesheet */\ncitizen-portal { ${styles.join(' ')} }` : '');
}

form.addEventListener('input', apply);
form.addEventListener('change', apply);
document.querySelector('#copy')!.addEventListener('click', async () => {
  const status = document.querySelector('#copied')!;
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? '');
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the snippet and copy it by hand.';
  }
});
apply();
