import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, call, type Res } from '../api.js';
import { t } from '../i18n.js';

type TPhotos = Res<(typeof api.api.feedback)[':id']['photos']['$get']>['photos'];

/**
 * The citizen's photos of one item, for its detail view: those sent at filing, then those sent
 * with each reply (`replyEventId` names the timeline entry). Staff of the unit only; the server
 * answers 404 elsewhere. A small piece the inbox's detail view can place where it fits.
 */
export function FeedbackPhotos({ id }: { id: string }) {
  const photos = useSignal<TPhotos | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    photos.value = null;
    void call(api.api.feedback[':id'].photos.$get({ param: { id } })).then(
      (r) => (photos.value = r.photos),
      (e: Error) => (error.value = e.message),
    );
  }, [id]);
  if (error.value) return <p class="error">{error.value}</p>;
  if (!photos.value?.length) return null;
  return (
    <section class="feedback-photos" aria-label={t('Ảnh người gửi', "Citizen's photos")}>
      <h3>{t('Ảnh người gửi', "Citizen's photos")}</h3>
      <ul
        style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}
      >
        {photos.value.map((p, i) => (
          <li key={p.id}>
            <a href={p.url} target="_blank" rel="noopener">
              <img
                src={p.url}
                width={p.width}
                height={p.height}
                style={{ maxWidth: '100%', maxHeight: '10rem', width: 'auto', height: 'auto' }}
                alt={
                  p.replyEventId
                    ? t(`Ảnh bổ sung ${i + 1}`, `Photo sent with a reply ${i + 1}`)
                    : t(`Ảnh gửi kèm ${i + 1}`, `Photo sent at filing ${i + 1}`)
                }
              />
            </a>
            {p.public ? <small>{t('Đã công khai', 'Published')}</small> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
