// The floor: the least any widget could do to give a resident a category list. It fetches services.json and fills
// a native <select>; no framework, no language files, no search. The benchmark loads it exactly as it loads
// <citizen-portal> (same page, same CDN origin, same Open311 server) and divides by its time.
customElements.define(
  'floor-services',
  class extends HTMLElement {
    async connectedCallback() {
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<label for="category">Category</label> <select id="category"></select>';
      const url = new URL('services.json', `${this.getAttribute('endpoint')}/`);
      const services = await (await fetch(url, { headers: { Accept: 'application/json' } })).json();
      root.querySelector('select').append(...services.map((s) => new Option(s.service_name, s.service_code)));
    }
  },
);
