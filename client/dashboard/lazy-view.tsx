import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.js';
import { Loading } from './status.js';

/**
 * A page whose code arrives when it is first opened (its own chunk, loaded by `import()`): until
 * then a status line says the page is loading (its container is aria-busy); if the chunk cannot be
 * fetched (the link dropped, or a new version replaced it), an alert offers to load the page again.
 * The chunk is asked for once; a later visit renders the page at once.
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
): FunctionComponent<P> & { preload: () => Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined; // a later try fetches it again
        throw e;
      },
    ));
  function LazyView(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const View = loaded;
      return <View {...props} />;
    }
    if (failed)
      return (
        <div role="alert" class="error">
          <p>
            {t(
              'Không tải được trang này. Hãy kiểm tra kết nối mạng rồi tải lại.',
              'This page could not be loaded. Check the connection, then reload.',
            )}
          </p>
          <button type="button" onClick={() => location.reload()}>
            {t('Tải lại', 'Reload')}
          </button>
        </div>
      );
    return (
      <div aria-busy="true">
        <Loading />
      </div>
    );
  }
  return Object.assign(LazyView, { preload });
}
