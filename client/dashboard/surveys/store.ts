import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { check, type FieldError } from './errors.js';
import type { EDef } from './model.js';

export type Path = (string | number)[];

/** Reads the value at `path` inside the working copy. */
export function getAt(o: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
}

/** The editor's state: the working copy, its errors (recomputed on every change), and actions. */
export function createEditor(initial: EDef, readOnly: boolean) {
  const def = signal(initial);
  const touched = signal<Set<string>>(new Set());
  const showAll = signal(false);
  const dirty = signal(false);
  const live = signal('');
  const checked = computed(() => check(def.value));

  /** Changes the working copy through a draft (a deep copy), so signals see a new value. */
  function mutate(fn: (d: EDef) => void): void {
    if (readOnly) return;
    const d = structuredClone(def.value);
    fn(d);
    def.value = d;
    dirty.value = true;
  }

  function setAt(path: Path, value: unknown): void {
    mutate((d) => {
      const parent = getAt(d, path.slice(0, -1)) as Record<string | number, unknown>;
      parent[path[path.length - 1]!] = value;
    });
    touch(path);
  }

  function touch(path: Path): void {
    const k = path.join('.');
    if (touched.value.has(k)) return;
    touched.value = new Set(touched.value).add(k);
  }

  /** The errors to show beside a field: emptiness only once it was touched, or after a save. */
  const visible = computed(() =>
    checked.value.errors.filter(
      (e) =>
        !e.empty || showAll.value || touched.value.has(e.key) || touched.value.has(parentKey(e)),
    ),
  );
  const byKey = computed(() => {
    const m = new Map<string, FieldError[]>();
    for (const e of visible.value) m.set(e.key, [...(m.get(e.key) ?? []), e]);
    return m;
  });

  function announce(text: string): void {
    // The same text twice is still announced: clear, then set on the next frame.
    live.value = '';
    setTimeout(() => (live.value = text), 50);
  }

  return {
    def,
    readOnly,
    dirty,
    showAll,
    live,
    checked,
    visible,
    errorsAt: (path: Path) => byKey.value.get(path.join('.')) ?? [],
    mutate,
    setAt,
    touch,
    announce,
  };
}

/** `title.vi` is also touched when its pair `title` was. */
function parentKey(e: FieldError): string {
  return e.path.slice(0, -1).join('.');
}

export type Editor = ReturnType<typeof createEditor>;
export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const e = useContext(EditorContext);
  if (!e) throw new Error('EditorContext missing');
  return e;
}
