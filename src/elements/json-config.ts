/**
 * A JSON config, before anything else: an inline <script type="application/json"> child of the element, or the file
 * named by its `config` attribute. Its settings fill in the attributes the element does not have (an attribute
 * wins), and the object settings (synonyms, translations, redirects) the properties not set.
 */
import { JsonConfigSchema, attributeName, isObjectSetting, type ObjectSetting } from '../schema/config';

/** The element whose settings a JSON config fills in. */
export type ConfigurableElement = HTMLElement & { [key in ObjectSetting]: unknown };

/** Reads and applies the element's JSON config; what is wrong with it (the `config` setting's problem), if anything. */
export async function readJsonConfig(
  el: ConfigurableElement,
  fetchConfigFile: (url: string) => Promise<unknown>,
): Promise<string | undefined> {
  const inline = el.querySelector(':scope > script[type="application/json"]')?.textContent;
  const url = el.getAttribute('config');
  if (inline == null && !url) return undefined;
  try {
    const parsed = JsonConfigSchema.safeParse(inline != null ? JSON.parse(inline) : await fetchConfigFile(url!));
    if (!parsed.success) throw parsed.error.issues[0]!.message;
    for (const [key, value] of Object.entries(parsed.data.settings)) {
      const attribute = attributeName(key);
      if (isObjectSetting(key)) el[key] ??= value;
      else if (value != null && value !== false && !el.hasAttribute(attribute))
        el.setAttribute(attribute, String(value));
    }
    const [unknown] = parsed.data.unknown;
    return unknown === undefined ? undefined : `has an unknown setting or value: "${unknown}"`;
  } catch (e) {
    return typeof e === 'string' ? e : inline != null ? 'is not valid JSON' : `could not be loaded`;
  }
}
