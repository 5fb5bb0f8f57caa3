import type { ComponentChildren } from 'preact';
import { t } from '../i18n.js';
import { Errors, Group } from './fields.js';
import type { EDef } from './model.js';
import { Mover, useDropTarget } from './reorder.js';
import { getAt, useEditor, type Path } from './store.js';

/**
 * An editable list inside a question (its options, its grid rows): numbered items that can be
 * reordered, removed down to `min`, and added to; each item's own fields are the caller's.
 */
export function ListEditor<T>(props: {
  list: Path;
  legend: string;
  /** What one item is called in its heading ("Lựa chọn 2") and the add button. */
  noun: string;
  addLabel: string;
  items: T[];
  /** The item's name for screen readers on its move and remove buttons. */
  nameOf: (item: T) => string;
  min: number;
  /** The item a click on the add button appends, built from the draft. */
  create: (d: EDef, items: T[]) => T;
  fields: (at: Path) => ComponentChildren;
}) {
  const ed = useEditor();
  const { list, items } = props;
  return (
    <Group path={list} legend={props.legend} class="sub">
      <ol class="edit-list">
        {items.map((item, i) => (
          <ListItem
            key={i}
            list={list}
            i={i}
            count={items.length}
            title={`${props.noun} ${i + 1}`}
            name={props.nameOf(item)}
            removable={items.length > props.min}
          >
            {props.fields([...list, i])}
          </ListItem>
        ))}
      </ol>
      {!ed.readOnly && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            ed.mutate((d) => {
              const current = getAt(d, list) as T[];
              current.push(props.create(d, current));
            })
          }
        >
          {props.addLabel}
        </button>
      )}
    </Group>
  );
}

function ListItem(props: {
  list: Path;
  i: number;
  count: number;
  title: string;
  name: string;
  removable: boolean;
  children: ComponentChildren;
}) {
  const ed = useEditor();
  const { list, i, name } = props;
  const drop = useDropTarget(list, i);
  return (
    <li class="edit-item" {...drop}>
      <div class="item-head">
        <strong>{props.title}</strong>
        <Mover list={list} index={i} count={props.count} name={name} />
        {!ed.readOnly && props.removable && (
          <button
            type="button"
            class="link"
            onClick={() => ed.mutate((d) => (getAt(d, list) as unknown[]).splice(i, 1))}
          >
            {t('Xoá', 'Remove')}
            <span class="sr-only"> — {name}</span>
          </button>
        )}
      </div>
      <div class="row-fields">{props.children}</div>
      <Errors path={[...list, i]} />
    </li>
  );
}
