/**
 * A JSON config file for <citizen-portal config="…">: fetched from the page's origin or any CORS-enabled one.
 * Only JSON comes back; schema/config.ts checks what it says.
 */
export async function fetchConfigFile(url: string): Promise<unknown> {
  const answer = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
  return answer.json();
}
