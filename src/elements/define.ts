/** Defines a custom element unless this tag is taken already (two script tags, or two copies of the bundle). */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
