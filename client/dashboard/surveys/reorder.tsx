import { t } from '../i18n.js';
import { fieldId } from './errors.js';
import { move } from './model.js';
import { getAt, useEditor, type Path } from './store.js';

/** The item being dragged: which list (its path) and where it was. */
let dragging: { list: string; index: number; name: string } | null = null;

function useMove(list: Path) {
  const ed = useEditor();
  return (from: number, to: number, name: string) => {
    const n = (getAt(ed.def.value, list) as unknown[]).length;
    if (to < 0 || to >= n) return;
    ed.mutate((d) => move(getAt(d, list) as unknown[], from, to));
    ed.announce(
      t(
        `Đã chuyển “${name}” tới vị trí ${to + 1} trên ${n}.`,
        `Moved “${name}” to ${to + 1} of ${n}.`,
      ),
    );
    // Keep the keyboard on the item that moved, wherever it is now.
    const dir = to < from ? 'up' : 'down';
    setTimeout(() => {
      const at = fieldId([...list, to]);
      const other = dir === 'up' ? 'down' : 'up';
      const usable = [dir, other]
        .map((k) => document.getElementById(`${at}-${k}`) as HTMLButtonElement | null)
        .find((b) => b && !b.disabled);
      usable?.focus();
    }, 0);
  };
}

/** "Lên" / "Xuống" buttons and a drag handle for item `index` of the list at `list`. */
export function Mover({
  list,
  index,
  count,
  name,
}: {
  list: Path;
  index: number;
  count: number;
  name: string;
}) {
  const ed = useEditor();
  const go = useMove(list);
  if (ed.readOnly) return null;
  const at = fieldId([...list, index]);
  return (
    <span class="mover">
      <span
        class="drag"
        id={`${at}-drag`}
        draggable
        tabIndex={-1}
        title={t('Kéo để đổi chỗ', 'Drag to reorder')}
        aria-hidden="true"
        onDragStart={(e) => {
          dragging = { list: list.join('.'), index, name };
          e.dataTransfer?.setData('text/plain', name);
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        }}
        onDragEnd={() => (dragging = null)}
      >
        ⠿
      </span>
      <button
        type="button"
        class="secondary small"
        id={`${at}-up`}
        disabled={index === 0}
        onClick={() => go(index, index - 1, name)}
      >
        {t('Lên', 'Up')}
        <span class="sr-only"> — {name}</span>
      </button>
      <button
        type="button"
        class="secondary small"
        id={`${at}-down`}
        disabled={index === count - 1}
        onClick={() => go(index, index + 1, name)}
      >
        {t('Xuống', 'Down')}
        <span class="sr-only"> — {name}</span>
      </button>
    </span>
  );
}

/** Props for an item of the list at `list` that a dragged sibling can be dropped on. */
export function useDropTarget(list: Path, index: number) {
  const go = useMove(list);
  const key = list.join('.');
  return {
    onDragOver: (e: DragEvent) => {
      if (dragging?.list !== key) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    },
    onDrop: (e: DragEvent) => {
      if (dragging?.list !== key) return;
      e.preventDefault();
      e.stopPropagation();
      const { index: from, name } = dragging;
      dragging = null;
      if (from !== index) go(from, index, name);
    },
  };
}
