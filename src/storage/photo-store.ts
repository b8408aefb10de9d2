/**
 * Photos not sent yet (for servers that take the files with the report): kept in IndexedDB, which holds blobs,
 * so a reload or a crash loses none of them; removed once the report is sent or the photo is. Failures are
 * silent: the photo then lives only as long as the page.
 */
const memory = new Map<string, Blob>();

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('citizen-portal', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('photos');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const d = await db();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(d.transaction('photos', mode).objectStore('photos'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    d.close();
  }
}

export async function keepPhoto(key: string, blob: Blob): Promise<void> {
  memory.set(key, blob);
  await run('readwrite', (s) => s.put(blob, key)).catch(() => undefined);
}

export async function photoBlob(key: string): Promise<Blob | undefined> {
  return memory.get(key) ?? (await run<Blob | undefined>('readonly', (s) => s.get(key)).catch(() => undefined));
}

export async function dropPhoto(key: string): Promise<void> {
  memory.delete(key);
  await run('readwrite', (s) => s.delete(key)).catch(() => undefined);
}
